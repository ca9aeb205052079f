import type { Kysely } from 'kysely';
import type { TActor } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { hasRoleAt, roleAt } from '../auth/policy';

export const directiveNotFound = (id: number) => new AppError('NOT_FOUND', 'DIRECTIVE_NOT_FOUND', { params: { id } });
export const assignmentNotFound = (id: number) => new AppError('NOT_FOUND', 'ASSIGNMENT_NOT_FOUND', { params: { id } });
export const circularNotFound = (id: number) => new AppError('NOT_FOUND', 'CIRCULAR_NOT_FOUND', { params: { id } });

/** Today's date in India, the calendar the due dates are written in. */
export const todayInIndia = (now = Date.now()) => new Date(now + 330 * 60_000).toISOString().slice(0, 10);

/** The person this login is (app_user.person_id), or null. */
export const personOfActor = async (db: Kysely<DB>, actor: TActor) => {
  if (actor.userId <= 0) return null;
  const row = await db.selectFrom('app_user').select('person_id').where('id', '=', actor.userId).executeTakeFirst();
  return row?.person_id ?? null;
};

/** Units where the person holds a post now: they answer directives addressed to the unit as a whole. */
export const unitsHeldBy = async (db: Kysely<DB>, personId: number | null) => {
  if (personId === null) return new Set<number>();
  const rows = await db.selectFrom('tenure').select('unit_id').where('person_id', '=', personId).where('end_date', 'is', null).execute();
  return new Set(rows.map((r) => r.unit_id));
};

/** Who the actor is for the purpose of acting on assignments. */
export type TAddressee = { personId: number | null; heldUnits: Set<number> };

export const loadAddressee = async (db: Kysely<DB>, actor: TActor): Promise<TAddressee> => {
  const personId = await personOfActor(db, actor);
  return { personId, heldUnits: await unitsHeldBy(db, personId) };
};

type TAssignmentParty = { unit_id: number; unit_path: string; person_id: number | null; post_key: string | null; is_vacant: boolean };

/**
 * Whether the actor may act on an assignment: its addressee (the login of the assigned person; for a
 * directive to a unit as a whole, anyone holding a post there), or an admin of the assigned unit
 * acting for a vacant post or for the unit.
 */
export const isAddressee = (actor: TActor, me: TAddressee, a: TAssignmentParty) => {
  if (a.person_id !== null) return me.personId === a.person_id;
  if (hasRoleAt(actor, a.unit_path, 'admin')) return true;
  return !a.is_vacant && a.post_key === null && me.heldUnits.has(a.unit_id);
};

/** The actor sees the assignment: its unit is in their jurisdiction, or it is addressed to them. */
export const canSeeAssignment = (actor: TActor, me: TAddressee, a: TAssignmentParty & { issuer_path: string }) =>
  roleAt(actor, a.unit_path) !== null || roleAt(actor, a.issuer_path) !== null || isAddressee(actor, me, a);

/**
 * The actor sees a directive when its issuing unit is in their jurisdiction, when it reaches a unit
 * they were granted (a district sees the state's cascade), or when it is addressed to them.
 */
export const canSeeDirective = async (db: Kysely<DB>, actor: TActor, d: { id: number; unit_path: string }) => {
  if (roleAt(actor, d.unit_path) !== null) return true;
  const grantUnits = actor.grants.map((g) => g.unitId).filter((id): id is number => id !== null);
  if (grantUnits.length > 0) {
    const reached = await db
      .selectFrom('rollup_count')
      .select('unit_id')
      .where('subject', '=', 'directive')
      .where('subject_id', '=', d.id)
      .where('unit_id', 'in', grantUnits)
      .executeTakeFirst();
    if (reached) return true;
  }
  const personId = await personOfActor(db, actor);
  if (personId === null) return false;
  const mine = await db.selectFrom('assignment').select('id').where('directive_id', '=', d.id).where('person_id', '=', personId).executeTakeFirst();
  return mine !== undefined;
};
