import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { writeHealthSnapshots, weekOf } from './snapshots';

let h: THarness;
beforeAll(async () => {
  h = await createHarness();
});

describe('weekly health snapshots', () => {
  it('write one row per unit above booth level per week, and the trend shows them', async () => {
    expect(weekOf('2026-12-03')).toBe('2026-11-30');
    expect(weekOf('2026-11-30')).toBe('2026-11-30');
    const { district, booth } = await h.chain();
    const first = await writeHealthSnapshots(h.db, '2026-11-25');
    const again = await writeHealthSnapshots(h.db, '2026-11-26');
    expect(again.written).toBe(first.written);
    await writeHealthSnapshots(h.db, '2026-12-02');
    const rows = await sql<{ n: number }>`select count(*)::int as n from unit_health_snapshot where unit_id = ${booth.id}`.execute(h.db);
    expect(rows.rows[0]?.n).toBe(0);
    const admin = (await h.login('national-admin')).cookie;
    const body = (await h.app.inject({ method: 'GET', url: `/api/v1/units/${district.id}/health`, headers: { cookie: admin } })).json();
    expect(body.trend.map((p: { week: string }) => p.week)).toEqual(['2026-11-23', '2026-11-30']);
    expect(body.trend[0]).toMatchObject({ isWeak: true, weak: expect.arrayContaining(['lastMeeting']) });
  });
});
