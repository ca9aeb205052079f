import { appoint } from '../posts/operations';
import type { THarness } from '../../../test/harness';

type TMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** Request helper for tests. */
export const caller = (h: THarness) => (method: TMethod, url: string, cookie?: string, payload?: object) =>
  h.app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });

/** A day relative to today in India, as due dates are written. */
export const dayOffset = (days: number) => new Date(Date.now() + 330 * 60_000 + days * 86_400_000).toISOString().slice(0, 10);

/** A person appointed to `post` of a unit, with an office-bearer login linked to them. */
export const holderWithLogin = async (h: THarness, unitId: number, post = 'president', role: 'office-bearer' | 'admin' | 'viewer' = 'office-bearer') => {
  const person = await h.person({ homeUnitId: unitId });
  await appoint(h.ctx, { unitId, post, personId: person.id, startDate: '2025-01-01' });
  const login = await h.login(role, unitId);
  const user = await h.db.selectFrom('app_user').select('id').where('username', '=', login.username).executeTakeFirstOrThrow();
  await h.db.updateTable('app_user').set({ person_id: person.id }).where('id', '=', user.id).execute();
  return { person, cookie: login.cookie, userId: user.id };
};

/** The counters as a plain GROUP BY over assignments would give them, per unit on each chain. */
export const groupByCounts = async (h: THarness, directiveId: number) => {
  const rows = await h.db
    .selectFrom('assignment as a')
    .innerJoin('unit as u', 'u.id', 'a.unit_id')
    .innerJoin('directive as d', 'd.id', 'a.directive_id')
    .innerJoin('unit as iu', 'iu.id', 'd.unit_id')
    .select(['u.path', 'iu.path as issuer_path', 'a.status', 'a.is_vacant'])
    .where('a.directive_id', '=', directiveId)
    .execute();
  const out = new Map<number, Record<string, number>>();
  for (const r of rows) {
    const ids = r.path.split('/').filter(Boolean).map(Number).slice(r.issuer_path.split('/').filter(Boolean).length - 1);
    for (const id of ids) {
      const c = out.get(id) ?? { total: 0, vacant: 0, new: 0, acknowledged: 0, 'in-progress': 0, done: 0, declined: 0 };
      c.total = (c.total ?? 0) + 1;
      if (r.is_vacant) c.vacant = (c.vacant ?? 0) + 1;
      c[r.status] = (c[r.status] ?? 0) + 1;
      out.set(id, c);
    }
  }
  return out;
};
