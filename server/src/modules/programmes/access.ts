import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { TActor, TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { hasRoleAt, inJurisdiction, isNationalAdmin, roleAt } from '../auth/policy';

export const programmeNotFound = (id: number) => new AppError('NOT_FOUND', 'PROGRAMME_NOT_FOUND', { params: { id } });
export const instanceNotFound = (id: number) => new AppError('NOT_FOUND', 'PROGRAMME_INSTANCE_NOT_FOUND', { params: { id } });

/** India has one time zone; programme dates are days there. */
export const todayInIndia = () => new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10);

/** Every ancestor path of the actor's grants ('/1/', '/1/23/', …): programmes issued above them reach them. */
const grantAncestorPaths = (actor: TActor) => {
  const out = new Set<string>();
  for (const g of actor.grants) {
    if (!g.path) continue;
    const ids = g.path.split('/').filter(Boolean);
    for (let i = 1; i <= ids.length; i++) out.add(`/${ids.slice(0, i).join('/')}/`);
  }
  return [...out];
};

/**
 * A programme is visible to whoever's jurisdiction covers its unit, and to everyone below it (a
 * national programme reaches every district). As SQL on the programme unit's path column.
 */
export const programmeVisible = (actor: TActor, pathColumn: string): RawBuilder<boolean> => {
  if (isNationalAdmin(actor)) return sql<boolean>`true`;
  const above = grantAncestorPaths(actor);
  const col = sql.ref(pathColumn);
  return above.length === 0
    ? inJurisdiction(actor, pathColumn)
    : sql<boolean>`(${inJurisdiction(actor, pathColumn)} or ${col} = any(${above}::text[]))`;
};

const isProgrammeVisible = (actor: TActor, path: string) => roleAt(actor, path) !== null || actor.grants.some((g) => g.path?.startsWith(path));

export type TProgrammeRow = { id: number; unit_id: number; unit_path: string; unit_level: string; name: string; name_hi: string; wing: string | null };

/** The programme (with its unit) when the actor may see it, else 404. */
export const loadVisibleProgramme = async (ctx: Pick<TCtx, 'db' | 'actor'>, id: number): Promise<TProgrammeRow> => {
  const row = await ctx.db
    .selectFrom('programme as p')
    .innerJoin('unit as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.unit_id', 'u.path as unit_path', 'u.level as unit_level', 'p.name', 'p.name_hi', 'p.wing'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!row || !isProgrammeVisible(ctx.actor, row.unit_path)) throw programmeNotFound(id);
  return row;
};

export const loadInstanceRow = (db: Kysely<DB>, id: number) =>
  db
    .selectFrom('programme_instance as i')
    .innerJoin('programme as p', 'p.id', 'i.programme_id')
    .innerJoin('programme_phase as ph', 'ph.id', 'i.phase_id')
    .innerJoin('unit as pu', 'pu.id', 'p.unit_id')
    .innerJoin('unit as su', 'su.id', 'i.scope_unit_id')
    .select([
      'i.id',
      'i.programme_id',
      'i.phase_id',
      'i.status',
      'i.planned_date',
      'i.has_in_charge',
      'i.state_code',
      'i.cluster_id',
      'i.scope_unit_id',
      'ph.due_date as phase_due_date',
      'pu.path as issuer_path',
      'su.path as scope_path',
    ])
    .where('i.id', '=', id)
    .executeTakeFirst();

export type TInstanceRow = NonNullable<Awaited<ReturnType<typeof loadInstanceRow>>>;

/** Who may see an instance: the programme's unit or the instance's scope unit is in their jurisdiction. */
export const canSeeInstance = (actor: TActor, r: { issuer_path: string; scope_path: string }) =>
  roleAt(actor, r.scope_path) !== null || roleAt(actor, r.issuer_path) !== null;

/** Office bearers of the scope unit (or above it, the programme's unit included) run the instance. */
export const canEditInstance = (actor: TActor, r: { scope_path: string }) => hasRoleAt(actor, r.scope_path, 'office-bearer');

/** Office bearers of the programme's unit (and above) manage it; others who can see it get 403. */
export const assertManages = (actor: TActor, p: { unit_path: string }) => {
  if (!hasRoleAt(actor, p.unit_path, 'office-bearer')) throw new AppError('FORBIDDEN', 'FORBIDDEN');
};
