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

describe("an aspirant's party record", () => {
  it('posts from tenures, completed courses, programme events (in charge and team) and members enrolled', async () => {
    const { district, election } = await districtElection(h, admin, 2051);
    await call('POST', `/api/v1/elections/${election.id}/seats/import?dryRun=false`, admin, wardsCsv(1));
    const [seat] = (await call('GET', `/api/v1/elections/${election.id}/seats`, admin)).json().items as { id: number }[];
    const person = await h.person({ homeUnitId: district.id, name: 'Kavita Saini' });
    const pid = person.id;
    const did = district.id;
    // A past and a current post.
    await sql`insert into tenure (unit_id, post_key, person_id, start_date, end_date, end_reason) values
      (${did}, 'secretary', ${pid}, '2019-01-01', '2022-12-31', 'term-ended'),
      (${did}, 'vice-president', ${pid}, '2023-01-01', null, null)`.execute(h.db);
    // Two courses: one completed (2 of 2 sessions), one not (1 of 2, the other session cancelled).
    await sql`with c as (insert into training_course (unit_id, name, name_hi, required_sessions) values
        (${did}, 'Booth management', 'बूथ प्रबंधन', 2), (${did}, 'Social media', null, 2) returning id, name),
      s as (insert into training_session (course_id, unit_id, mode, venue, starts_at, duration_minutes, capacity, cancelled_at)
        select c.id, ${did}, 'offline', 'District office', t.at, 120, 50, case when c.name = 'Social media' and t.n = 2 then now() end
        from c cross join (values (1, timestamptz '2026-02-01T10:00:00Z'), (2, timestamptz '2026-02-08T10:00:00Z')) as t(n, at) returning id)
      insert into training_invitation (session_id, person_id, source, attendance) select id, ${pid}, 'list', 'present' from s`.execute(
      h.db,
    );
    // A programme with two events: in charge of one (a tenure pointing at it), on the team of the other.
    const { rows } = await sql<{ a: number; b: number }>`with p as (insert into programme (unit_id, name, name_hi) values
        (${did}, 'Ghar ghar sampark', 'घर घर संपर्क') returning id),
      ph as (insert into programme_phase (programme_id, number, name, name_hi) select id, 1, 'Phase 1', 'चरण 1' from p returning id, programme_id),
      i as (insert into programme_instance (programme_id, phase_id, target_key, unit_id, scope_unit_id, status, held_on)
        select ph.programme_id, ph.id, t.k, ${did}, ${did}, t.st, t.held::date from ph
        cross join (values ('unit:a', 'held', '2026-03-01'), ('unit:b', 'planned', null)) as t(k, st, held) returning id, target_key)
      select (select id from i where target_key = 'unit:a') as a, (select id from i where target_key = 'unit:b') as b`.execute(h.db);
    const ev = rows[0] as { a: number; b: number };
    await sql`insert into tenure (unit_id, post_key, person_id, start_date, programme_instance_id) values
      (${did}, 'programme-in-charge', ${pid}, '2026-02-20', ${ev.a})`.execute(h.db);
    await sql`insert into programme_team_member (instance_id, person_id, role) values (${ev.b}, ${pid}, 'speaker')`.execute(h.db);

    // Members enrolled by the person (a rejected one does not count).
    const m1 = await h.person({ homeUnitId: did });
    const m2 = await h.person({ homeUnitId: did });
    const m3 = await h.person({ homeUnitId: did });
    await sql`with d as (insert into membership_drive (unit_id, name, starts_on, ends_on) values (${did}, 'Drive 2026', '2026-01-01', '2026-12-31') returning id)
      insert into membership (drive_id, person_id, unit_id, enrolled_by_person, channel, status, rejection_reason)
      select d.id, x.p, ${did}, ${pid}, 'enroller', x.st, x.r from d
      cross join (values (${m1.id}::bigint, 'pending', null), (${m2.id}::bigint, 'pending', null), (${m3.id}::bigint, 'rejected', 'not a voter here')) as x(p, st, r)`.execute(
      h.db,
    );
    const res = await call('POST', `/api/v1/seats/${(seat as { id: number }).id}/aspirants`, admin, { personId: pid });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a.membersEnrolled).toBe(2);
    expect(a.posts.map((p: { post: string; endDate: string | null }) => [p.post, p.endDate])).toEqual([
      ['Vice-president', null],
      ['Secretary', '2022-12-31'],
    ]);
    expect(a.trainingsAttended).toBe(4);
    expect(a.trainingsCompleted).toEqual([{ courseId: expect.any(Number), name: 'Booth management', nameHi: 'बूथ प्रबंधन', sessions: 2 }]);
    expect(a.programmeCount).toBe(2);
    expect(a.programmes).toEqual([
      {
        instanceId: ev.a,
        programme: 'Ghar ghar sampark',
        programmeHi: 'घर घर संपर्क',
        role: 'in-charge',
        status: 'held',
        heldOn: '2026-03-01',
      },
      { instanceId: ev.b, programme: 'Ghar ghar sampark', programmeHi: 'घर घर संपर्क', role: 'team', status: 'planned', heldOn: null },
    ]);
    expect(a.channel).toBe('office');
    // Someone outside the district (but seeing the election from below) gets no programme events of it.
    const below = await h.unit({ parentId: did, level: 'assembly' });
    const belowViewer = (await h.login('viewer', below.id)).cookie;
    const seen = (await call('GET', `/api/v1/seats/${(seat as { id: number }).id}/aspirants`, belowViewer)).json().items[0];
    expect(seen.programmes).toEqual([]);
    expect(seen.posts).toEqual([]);
  });
});
