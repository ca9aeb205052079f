import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { caller, districtElection, wardsCsv } from './test-support';

let h: THarness;
let admin: string;
let call: ReturnType<typeof caller>;
beforeAll(async () => {
  h = await createHarness();
  admin = (await h.login('national-admin')).cookie;
  call = caller(h);
});

const setup = async (year: number) => {
  const { district, election } = await districtElection(h, admin, year);
  await call('POST', `/api/v1/elections/${election.id}/seats/import?dryRun=false`, admin, wardsCsv(3));
  const seats = (await call('GET', `/api/v1/elections/${election.id}/seats`, admin)).json().items as { id: number }[];
  const consent = { purpose: 'aspirant application', date: '2026-01-10', method: 'written' };
  return { district, election, seats, consent };
};

describe('POST /api/v1/seats/:id/aspirants', () => {
  it('401, 400, 403, 404, 409 and 201; an inline person is matched by phone, not created twice', async () => {
    const { district, seats, consent } = await setup(2015);
    const seat = seats[0] as { id: number };
    const phone = h.phone();
    const body = { person: { name: 'Mehtab Chauhan', phone, homeUnitId: district.id, consent }, statement: 'Ten years in the ward.' };
    const url = `/api/v1/seats/${seat.id}/aspirants`;
    expect((await call('POST', url, undefined, body)).statusCode).toBe(401);
    expect((await call('POST', url, admin, { ...body, personId: 1 })).json()).toMatchObject({ error: 'VALIDATION', field: 'personId' });
    expect((await call('POST', url, admin, { person: { ...body.person, phone: '12345' } })).json()).toMatchObject({
      field: 'person.phone',
    });
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('POST', url, viewer, body)).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await call('POST', url, outsider, body)).statusCode).toBe(404);
    expect((await call('POST', '/api/v1/seats/99999999/aspirants', admin, body)).statusCode).toBe(404);
    const entry = (await h.login('data-entry', district.id)).cookie;
    const res = await call('POST', url, entry, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      trainingsAttended: 0,
      membersEnrolled: 0,
      stage: 'applied',
      statement: 'Ten years in the ward.',
      person: { name: 'Mehtab Chauhan', isContactMasked: false },
      history: [{ from: null, to: 'applied' }],
    });
    const again = await call('POST', url, admin, { person: { ...body.person, name: 'Mahtab Chouhan' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().existingId).toBe(res.json().id);
    // The same person can apply for another seat; an existing person by id works too.
    const other = await call('POST', `/api/v1/seats/${(seats[1] as { id: number }).id}/aspirants`, admin, {
      personId: res.json().person.id,
    });
    expect(other.statusCode).toBe(201);
    const stranger = await h.person();
    expect((await call('POST', url, entry, { personId: stranger.id })).json()).toMatchObject({ error: 'NOT_FOUND', field: 'personId' });
  });
});

describe('POST /api/v1/aspirants/:id/move and coverage', () => {
  it('moves forward freely, backwards only with a reason, one final candidate per seat; history and coverage follow', async () => {
    const { district, election, seats, consent } = await setup(2016);
    const seat = seats[0] as { id: number };
    const add = async (name: string) =>
      (
        await call('POST', `/api/v1/seats/${seat.id}/aspirants`, admin, {
          person: { name, phone: h.phone(), homeUnitId: district.id, consent },
        })
      ).json();
    const a = await add('Asha Tyagi');
    const b = await add('Bina Ansari');
    const move = (id: number, body: object, cookie = admin) => call('POST', `/api/v1/aspirants/${id}/move`, cookie, body);
    expect((await move(a.id, { to: 'shortlisted' }, '')).statusCode).toBe(401);
    expect((await move(a.id, { to: 'elected' })).json()).toMatchObject({ field: 'to' });
    const entry = (await h.login('data-entry', district.id)).cookie;
    expect((await move(a.id, { to: 'shortlisted' }, entry)).statusCode).toBe(403);
    const outsider = (await h.login('admin', (await h.chain()).district.id)).cookie;
    expect((await move(a.id, { to: 'shortlisted' }, outsider)).statusCode).toBe(404);
    expect((await move(99999999, { to: 'shortlisted' })).statusCode).toBe(404);
    expect((await move(a.id, { to: 'shortlisted' })).json()).toMatchObject({ stage: 'shortlisted' });
    expect((await move(a.id, { to: 'shortlisted' })).json()).toMatchObject({ field: 'to' });
    const back = await move(a.id, { to: 'applied' });
    expect(back.statusCode).toBe(400);
    expect(back.json()).toMatchObject({ field: 'reason' });
    expect((await move(a.id, { to: 'applied', reason: 'Papers incomplete' })).json()).toMatchObject({ stage: 'applied' });
    expect((await move(a.id, { to: 'candidate' })).json()).toMatchObject({ stage: 'candidate' });
    const second = await move(b.id, { to: 'candidate' });
    expect(second.statusCode).toBe(400);
    expect(second.json().message).toContain('Asha Tyagi');
    expect((await move(b.id, { to: 'not-selected' })).json()).toMatchObject({ field: 'reason' });
    // Two nominations at once on another seat: exactly one wins, the other is told who.
    const seat2 = seats[1] as { id: number };
    const both = await Promise.all(
      ['Ravi Saini', 'Rafiq Qasmi'].map(async (name) =>
        (
          await call('POST', `/api/v1/seats/${seat2.id}/aspirants`, admin, {
            person: { name, phone: h.phone(), homeUnitId: district.id, consent },
          })
        ).json(),
      ),
    );
    const raced = await Promise.all(both.map((x: { id: number }) => move(x.id, { to: 'candidate' })));
    expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    expect(raced.find((r) => r.statusCode === 400)?.json()).toMatchObject({ error: 'VALIDATION', field: 'to' });
    expect((await move(b.id, { to: 'not-selected', reason: 'Seat reserved for the other aspirant' })).json()).toMatchObject({
      stage: 'not-selected',
    });
    const list = (await call('GET', `/api/v1/seats/${seat.id}/aspirants`, admin)).json();
    expect(list.items.map((x: { stage: string }) => x.stage)).toEqual(['candidate', 'not-selected']);
    expect(list.items[0].history.map((x: { to: string; reason: string | null }) => [x.to, x.reason])).toEqual([
      ['applied', null],
      ['shortlisted', null],
      ['applied', 'Papers incomplete'],
      ['candidate', null],
    ]);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_type', '=', 'aspirant')
      .where('entity_id', '=', String(a.id))
      .execute();
    expect(audit.map((x) => x.action)).toEqual(['aspirant.create', 'aspirant.move', 'aspirant.move', 'aspirant.move']);
    const cov = (await call('GET', `/api/v1/elections/${election.id}/coverage`, admin)).json();
    expect(cov).toMatchObject({
      seats: 3,
      withAspirants: 2,
      withCandidate: 2,
      aspirants: 4,
      byStage: { candidate: 2, applied: 1, 'not-selected': 1 },
    });
    expect((await call('GET', `/api/v1/elections/${election.id}/coverage`)).statusCode).toBe(401);
    expect((await call('GET', `/api/v1/elections/${election.id}/coverage`, outsider)).statusCode).toBe(404);
    const missing = (await call('GET', `/api/v1/elections/${election.id}/seats?coverage=no-candidate`, admin)).json();
    expect(missing.total).toBe(1);
    expect((await call('GET', `/api/v1/elections/${election.id}/seats?coverage=candidate`, admin)).json().items[0]).toMatchObject({
      id: seat.id,
      hasCandidate: true,
      aspirantCount: 2,
    });
  });
});

describe('screening criteria and scores', () => {
  it('criteria per election; each screener scores within the maximum; the comparison shows means', async () => {
    const { district, election, seats, consent } = await setup(2017);
    const seat = seats[2] as { id: number };
    const url = `/api/v1/elections/${election.id}/criteria`;
    expect((await call('POST', url, undefined, { name: 'Work in the area', maxScore: 10 })).statusCode).toBe(401);
    expect((await call('POST', url, admin, { name: 'Work in the area', maxScore: 0 })).json()).toMatchObject({ field: 'maxScore' });
    const viewer = (await h.login('viewer', district.id)).cookie;
    expect((await call('POST', url, viewer, { name: 'Work in the area', maxScore: 10 })).statusCode).toBe(403);
    const work = (await call('POST', url, admin, { name: 'Work in the area', nameHi: 'क्षेत्र में काम', maxScore: 10 })).json();
    expect((await call('POST', url, admin, { name: 'work in the area', maxScore: 5 })).statusCode).toBe(409);
    const reach = (await call('POST', url, admin, { name: 'Reach', maxScore: 5, sort: 2 })).json();
    const a = (
      await call('POST', `/api/v1/seats/${seat.id}/aspirants`, admin, {
        person: { name: 'Qasmi', phone: h.phone(), homeUnitId: district.id, consent },
      })
    ).json();
    const scoreUrl = `/api/v1/aspirants/${a.id}/scores`;
    const s1 = (await h.login('office-bearer', district.id)).cookie;
    const s2 = (await h.login('office-bearer', district.id)).cookie;
    expect((await call('POST', scoreUrl, undefined, { scores: [{ criterionId: work.id, score: 8 }] })).statusCode).toBe(401);
    expect((await call('POST', scoreUrl, viewer, { scores: [{ criterionId: work.id, score: 8 }] })).statusCode).toBe(403);
    expect((await call('POST', scoreUrl, s1, { scores: [{ criterionId: work.id, score: 11 }] })).json()).toMatchObject({
      field: 'scores.0.score',
    });
    expect((await call('POST', scoreUrl, s1, { scores: [{ criterionId: 99999999, score: 1 }] })).json()).toMatchObject({
      field: 'scores.0.criterionId',
    });
    expect((await call('POST', '/api/v1/aspirants/99999999/scores', s1, { scores: [{ criterionId: work.id, score: 1 }] })).statusCode).toBe(
      404,
    );
    await call('POST', scoreUrl, s1, {
      scores: [
        { criterionId: work.id, score: 8 },
        { criterionId: reach.id, score: 4 },
      ],
    });
    const after = (await call('POST', scoreUrl, s2, { scores: [{ criterionId: work.id, score: 6 }] })).json();
    expect(after.scores).toEqual(
      expect.arrayContaining([
        { criterionId: work.id, mean: 7, screeners: 2 },
        { criterionId: reach.id, mean: 4, screeners: 1 },
      ]),
    );
    expect(after.totalScore).toBe(11);
    // A screener changing their score replaces it (audited), not adds a second one.
    expect((await call('POST', scoreUrl, s2, { scores: [{ criterionId: work.id, score: 10 }] })).json().totalScore).toBe(13);
    expect((await call('GET', url)).statusCode).toBe(401);
    expect((await call('GET', url, viewer)).json().items.map((c: { name: string; maxScore: number }) => [c.name, c.maxScore])).toEqual([
      ['Work in the area', 10],
      ['Reach', 5],
    ]);
    const outsider = (await h.login('viewer', (await h.chain()).district.id)).cookie;
    expect((await call('GET', url, outsider)).statusCode).toBe(404);
    // The party record counts trainings attended (marked present), straight from the training tables.
    const { rows } = await sql<{
      id: number;
    }>`with c as (insert into training_course (unit_id, name, required_sessions) values (${district.id}, 'Booth management', 1) returning id),
      s as (insert into training_session (course_id, unit_id, mode, venue, starts_at, duration_minutes, capacity)
        select id, ${district.id}, 'offline', 'District office', '2026-02-01T10:00:00Z', 120, 50 from c returning id)
      insert into training_invitation (session_id, person_id, source, attendance) select id, ${a.person.id}, 'list', 'present' from s returning id`.execute(
      h.db,
    );
    expect(rows).toHaveLength(1);
    const cmp = (await call('GET', `/api/v1/seats/${seat.id}/aspirants`, viewer)).json();
    expect(cmp.criteria.map((c: { name: string }) => c.name)).toEqual(['Work in the area', 'Reach']);
    expect(cmp.items[0]).toMatchObject({
      trainingsAttended: 1,
      totalScore: 13,
      actions: { canMove: false, canScore: false },
      person: { isContactMasked: true },
    });
  });
});
