import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types';

/**
 * In-app notifications of a directive's new assignments: one per assignment whose addressee has a
 * login, written by one statement in the caller's transaction (a cascade may hold 10^5 assignments).
 */
export const notifyNewAssignments = async (db: Kysely<DB>, directiveId: number) => {
  await sql`
    insert into notification (user_id, kind, assignment_id)
    select u.id, 'assignment', a.id
    from assignment a join app_user u on u.person_id = a.person_id and u.disabled_at is null
    where a.directive_id = ${directiveId}`.execute(db);
};

/**
 * In-app notifications of a new circular: every enabled login holding a grant at a unit that has
 * a receipt (the offices that must open and acknowledge it).
 */
export const notifyCircular = async (db: Kysely<DB>, circularId: number) => {
  await sql`
    insert into notification (user_id, kind, circular_id)
    select distinct g.user_id, 'circular', ${circularId}::bigint
    from circular_receipt r
    join role_grant g on g.unit_id = r.unit_id and g.role in ('admin', 'office-bearer')
    join app_user u on u.id = g.user_id and u.disabled_at is null
    where r.circular_id = ${circularId}`.execute(db);
};
