import type { TCtx } from '../../context';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record';
import { assertRoleAt, isNationalAdmin } from '../auth/policy';
import { loadVisiblePerson } from '../people/queries';

const userNotFound = (id: number) => new AppError('NOT_FOUND', 'USER_NOT_FOUND', { params: { id }, field: 'userId' });

/**
 * Says which person a login is (or, with null, that it is no one), so their assignments reach them.
 * An admin over the person's home unit and over every unit the user is granted may do it; a person
 * is one login at most.
 */
export const setUserPerson = (ctx: TCtx, userId: number, personId: number | null) =>
  ctx.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('app_user').select(['id', 'username', 'person_id']).where('id', '=', userId).forUpdate().executeTakeFirst();
    if (!user) throw userNotFound(userId);
    const grants = await trx
      .selectFrom('role_grant as g')
      .leftJoin('unit as u', 'u.id', 'g.unit_id')
      .select(['g.role', 'u.path'])
      .where('g.user_id', '=', userId)
      .execute();
    for (const g of grants) {
      if (g.path === null) {
        if (!isNationalAdmin(ctx.actor)) throw userNotFound(userId);
      } else assertRoleAt(ctx.actor, g.path, 'admin', () => userNotFound(userId));
    }
    if (grants.length === 0 && !isNationalAdmin(ctx.actor)) throw userNotFound(userId);
    if (personId !== null) {
      const p = await loadVisiblePerson({ ...ctx, db: trx }, personId, 'personId');
      assertRoleAt(ctx.actor, p.home_path, 'admin', () => new AppError('NOT_FOUND', 'PERSON_NOT_FOUND', { params: { id: personId }, field: 'personId' }));
      if (p.deleted_at || p.merged_into !== null) throw new AppError('VALIDATION', 'PERSON_DELETED', { field: 'personId' });
      const other = await trx.selectFrom('app_user').select(['id', 'username']).where('person_id', '=', personId).where('id', '<>', userId).executeTakeFirst();
      if (other) throw new AppError('CONFLICT', 'PERSON_ALREADY_LINKED', { field: 'personId', params: { username: other.username } });
    }
    await trx.updateTable('app_user').set({ person_id: personId }).where('id', '=', userId).execute();
    await recordAudit(trx, ctx, { action: 'user.person', entityType: 'user', entityId: userId, before: { personId: user.person_id }, after: { personId } });
    return { id: user.id, username: user.username, personId };
  });
