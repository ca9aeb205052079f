import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { createBatcher } from './batch';
import { enrolmentBatchStats, type TEnrolWrite, writeEnrolments } from './persons';
import { mdb } from './tables';
import { caller, consent, makeDrive, recount, recountEnrollers, storedCounts } from './test-support';

describe('createBatcher (group commit)', () => {
  const gate = () => {
    let open: () => void = () => undefined;
    const opened = new Promise<void>((r) => {
      open = r;
    });
    return { open, opened };
  };

  it('sends a lone call at once, and calls that arrive while the slots are busy as one batch', async () => {
    const batches: number[][] = [];
    const first = gate();
    const run = async (items: number[]) => {
      batches.push(items);
      if (batches.length === 1) await first.opened;
      return items.map((i) => i * 10);
    };
    const call = createBatcher(run, { maxBatch: 64, maxInFlight: 1, keys: (i) => [String(i)] });
    const lone = call(1);
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1]]);
    const waiting = [2, 3, 4, 5].map(call);
    await new Promise((r) => setTimeout(r, 10));
    expect(batches).toHaveLength(1);
    first.open();
    expect(await lone).toBe(10);
    expect(await Promise.all(waiting)).toEqual([20, 30, 40, 50]);
    expect(batches).toEqual([[1], [2, 3, 4, 5]]);
  });

  it('never puts two items with a common key in one batch or in two batches at once', async () => {
    const batches: string[][] = [];
    let running = 0;
    let most = 0;
    const run = async (items: string[]) => {
      batches.push(items);
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return items;
    };
    const call = createBatcher(run, { maxBatch: 64, maxInFlight: 2, keys: (s) => [s.split(':')[0] as string] });
    const out = await Promise.all(['a:1', 'a:2', 'b:1', 'a:3', 'c:1', 'b:2'].map(call));
    expect(out).toEqual(['a:1', 'a:2', 'b:1', 'a:3', 'c:1', 'b:2']);
    for (const b of batches) expect(new Set(b.map((s) => s[0])).size).toBe(b.length);
    // The three "a" items ran one after another, in the order they were called.
    expect(batches.flat().filter((s) => s.startsWith('a'))).toEqual(['a:1', 'a:2', 'a:3']);
    expect(most).toBeLessThanOrEqual(2);
  });

  it('when a batch fails, runs each item on its own: only the bad one fails', async () => {
    const batches: number[][] = [];
    const block = gate();
    const run = async (items: number[]) => {
      batches.push(items);
      if (batches.length === 1) await block.opened;
      if (items.includes(13)) throw new Error(`bad ${items.join(',')}`);
      return items.map((i) => -i);
    };
    const call = createBatcher(run, { maxBatch: 64, maxInFlight: 1, keys: (i) => [String(i)] });
    const first = call(1);
    await new Promise((r) => setImmediate(r));
    const rest = [12, 13, 14].map((i) =>
      call(i).then(
        (v) => ({ ok: v }),
        (e: Error) => ({ err: e.message }),
      ),
    );
    await new Promise((r) => setImmediate(r));
    block.open();
    await first;
    expect(await Promise.all(rest)).toEqual([{ ok: -12 }, { err: 'bad 13' }, { ok: -14 }]);
    expect(batches).toEqual([[1], [12, 13, 14], [12], [13], [14]]);
  });
});

describe('writeEnrolments: one statement for a batch', () => {
  let h: THarness;
  let admin: string;
  beforeAll(async () => {
    h = await createHarness();
    admin = (await h.login('national-admin')).cookie;
  });

  it('answers each item as enrolling it alone would: new, matched by phone or EPIC, mismatch, already a member, by id', async () => {
    const { state, booth } = await h.chain();
    const drive = await makeDrive(h, admin, state.id);
    const byPhone = await h.person({ homeUnitId: booth.id });
    const byEpic = await h.person({ homeUnitId: booth.id, epic: 'EPC1234567' });
    const other = await h.person({ homeUnitId: booth.id, epic: 'OTH7654321' });
    const member = await h.person({ homeUnitId: booth.id });
    const byId = await h.person({ homeUnitId: booth.id });
    const actor = (await h.db.selectFrom('app_user').select(['id', 'username']).orderBy('id', 'desc').executeTakeFirstOrThrow()) as {
      id: number;
      username: string;
    };
    const ctxOf = (n: number) => ({
      actor: { userId: actor.id, username: actor.username, displayName: actor.username, locale: 'en' as const, grants: [] },
      requestId: `batch-${drive.id}-${n}`,
    });
    const write = (person: TEnrolWrite['person']): TEnrolWrite => ({
      driveId: drive.id,
      driveUnitId: state.id,
      unitId: booth.id,
      person,
      enrolledByPerson: null,
      enroller: { kind: 'user', id: actor.id },
    });
    const inline = (phone: string, epic: string | null = null, name = 'Batch Person') => ({
      name,
      nameHi: null,
      phone,
      epic,
      consent,
      homeUnitId: booth.id,
    });
    const [already] = await writeEnrolments(h.db, [{ ctx: ctxOf(0), w: write({ id: member.id }) }]);
    expect(already?.id).toBeGreaterThan(0);

    const fresh = `+91${h.phone()}`;
    const items = [
      write(inline(fresh)),
      write(inline(byPhone.phone)),
      write(inline(`+91${h.phone()}`, 'EPC1234567')),
      write(inline(other.phone, 'EPC1234567')),
      write({ id: member.id }),
      write({ id: byId.id }),
    ].map((w, i) => ({ ctx: ctxOf(i + 1), w }));
    const out = await writeEnrolments(h.db, items);
    expect(out).toHaveLength(6);
    const [created, matchedPhone, matchedEpic, mismatch, prior, given] = out;
    const newPerson = await h.db.selectFrom('person').selectAll().where('phone', '=', fresh).executeTakeFirstOrThrow();
    expect(created).toMatchObject({ person_id: newPerson.id, prior_id: null, mismatch_id: null, status: 'pending', own_verified: 0 });
    expect(newPerson).toMatchObject({ name: 'Batch Person', derived_name: 'nameHi', home_unit_id: booth.id });
    expect(newPerson.name_hi).toBeTruthy();
    expect(matchedPhone).toMatchObject({ person_id: byPhone.id, prior_id: null, mismatch_id: null });
    expect(matchedPhone?.id).toBeGreaterThan(0);
    expect(matchedEpic).toMatchObject({ person_id: byEpic.id, prior_id: null });
    expect(mismatch).toMatchObject({ id: null, mismatch_id: byEpic.id });
    expect(prior).toMatchObject({ id: null, prior_id: already?.id, person_id: member.id });
    expect(given).toMatchObject({ person_id: byId.id, prior_id: null });
    expect(given?.eu_name).toBe(actor.username);

    // Audit rows carry each item's own request id: person first, then membership; none for the refused ones.
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['request_id', 'action', 'entity_id'])
      .where('request_id', 'like', `batch-${drive.id}-%`)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.request_id, a.action])).toEqual([
      [`batch-${drive.id}-0`, 'membership.enrol'],
      [`batch-${drive.id}-1`, 'person.create'],
      [`batch-${drive.id}-1`, 'membership.enrol'],
      [`batch-${drive.id}-2`, 'membership.enrol'],
      [`batch-${drive.id}-3`, 'membership.enrol'],
      [`batch-${drive.id}-6`, 'membership.enrol'],
    ]);
    expect(audit[1]?.entity_id).toBe(String(newPerson.id));
    expect(audit[2]?.entity_id).toBe(String(created?.id));
    const rows = await mdb(h.db).selectFrom('membership').select(['person_id']).where('drive_id', '=', drive.id).execute();
    expect(rows.map((r) => r.person_id).sort((a, b) => a - b)).toEqual(
      [member.id, newPerson.id, byPhone.id, byEpic.id, byId.id].sort((a, b) => a - b),
    );
    expect(await storedCounts(h, drive.id)).toEqual(await recount(h, drive.id));
    const { recounted, stored } = await recountEnrollers(h, drive.id);
    expect(stored).toEqual(recounted);
  });

  it('two items that turn out to be one person: the first is enrolled, the second gets nothing written (the caller retries)', async () => {
    const { state, booth } = await h.chain();
    const drive = await makeDrive(h, admin, state.id);
    const known = await h.person({ homeUnitId: booth.id, epic: 'TWN1234567' });
    const w = (person: TEnrolWrite['person']): TEnrolWrite => ({
      driveId: drive.id,
      driveUnitId: state.id,
      unitId: booth.id,
      person,
      enrolledByPerson: null,
      enroller: null,
    });
    const ctx = { actor: { userId: 0, username: 'test', displayName: 'test', locale: 'en' as const, grants: [] }, requestId: 'twins' };
    const out = await writeEnrolments(h.db, [
      { ctx, w: w({ name: 'A', nameHi: null, phone: known.phone, epic: null, consent, homeUnitId: booth.id }) },
      { ctx, w: w({ name: 'B', nameHi: null, phone: `+91${h.phone()}`, epic: 'TWN1234567', consent, homeUnitId: booth.id }) },
    ]);
    expect(out[0]).toMatchObject({ person_id: known.id, prior_id: null });
    expect(out[0]?.id).toBeGreaterThan(0);
    expect(out[1]).toMatchObject({ id: null, prior_id: null, mismatch_id: null });
    expect(await storedCounts(h, drive.id)).toEqual(await recount(h, drive.id));
  });

  it('through the API: 40 enrolments at once (3 of them one phone) make 38 members, each with its own audit rows', async () => {
    const { state, booth } = await h.chain();
    const drive = await makeDrive(h, admin, state.id);
    const call = caller(h);
    const twice = h.phone();
    const phones = [...Array.from({ length: 37 }, () => h.phone()), twice, twice, twice];
    const before = enrolmentBatchStats(h.db);
    const res = await Promise.all(
      phones.map((phone, i) =>
        call('POST', `/api/v1/drives/${drive.id}/enrol`, admin, { person: { name: `Crowd ${i}`, phone, consent }, unitId: booth.id }),
      ),
    );
    expect(res.filter((r) => r.statusCode === 201)).toHaveLength(38);
    // They went in batches: fewer statements than enrolments. The repeated phone's later calls waited
    // for the winner's batch (one phone is never in two batches at once), then saw its membership.
    const after = enrolmentBatchStats(h.db);
    expect(after.items - before.items).toBe(40);
    expect(after.batches - before.batches).toBeLessThan(20);
    const refused = res.filter((r) => r.statusCode !== 201);
    expect(refused.map((r) => r.statusCode)).toEqual([409, 409]);
    const winner = res.slice(37).find((r) => r.statusCode === 201);
    for (const r of refused) expect(r.json()).toMatchObject({ error: 'CONFLICT', existingId: winner?.json().id });
    for (const r of res.filter((x) => x.statusCode === 201)) {
      const audit = await h.db
        .selectFrom('audit_log')
        .select(['action', 'entity_id'])
        .where('request_id', '=', r.headers['x-request-id'] as string)
        .orderBy('id')
        .execute();
      expect(audit).toEqual([
        { action: 'person.create', entity_id: String(r.json().person.id) },
        { action: 'membership.enrol', entity_id: String(r.json().id) },
      ]);
    }
    expect(await storedCounts(h, drive.id)).toEqual(await recount(h, drive.id));
    expect((await storedCounts(h, drive.id)).get(state.id)).toEqual({ enrolled: 38, verified: 0, rejected: 0 });
  });
});
