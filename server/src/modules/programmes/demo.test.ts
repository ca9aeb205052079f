import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from '../../../test/harness';
import { seedProgrammesDemo } from './demo';
import { caller } from './test-support';

let h: THarness;
beforeAll(async () => {
  h = await createHarness();
});

describe('demo programmes', () => {
  it('roll out to every PC of UP with every stage represented, and to its ACs', async () => {
    const up = await h.unit({ level: 'state', name: 'Uttar Pradesh demo', geo: 'S24' });
    const { programmeIds } = await seedProgrammesDemo(h.ctx, { stateId: up.id });
    const admin = (await h.login('national-admin')).cookie;
    const call = caller(h);
    const [dialogue, outreach] = programmeIds;
    const p = (await call('GET', `/api/v1/programmes/${dialogue}/progress?by=state`, admin)).json();
    expect(p.total.total).toBe(80);
    for (const k of ['notPlanned', 'planned', 'held', 'reported', 'cancelled', 'overdue', 'vacant']) expect(p.total[k]).toBeGreaterThan(0);
    const map = (await call('GET', `/api/v1/programmes/${dialogue}/map?kind=pc&state=S24`, admin)).json();
    expect(Object.keys(map.values)).toHaveLength(80);
    const clusters = (await call('GET', `/api/v1/programmes/${dialogue}/progress?by=cluster`, admin)).json();
    expect(clusters.rows).toEqual([expect.objectContaining({ name: 'West UP', counts: expect.objectContaining({ total: 10 }) })]);
    const o = (await call('GET', `/api/v1/programmes/${outreach}/progress?by=state`, admin)).json();
    expect(o.total.total).toBe(403);
    expect(o.total.reported).toBeGreaterThan(0);
  });
});
