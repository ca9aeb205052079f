import type { TRole } from '@samiti/common';
import type { TCtx } from '../../context';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record';
import { unitNotFound } from '../units/queries';
import { hashPassword } from './password';
import { assertNationalAdmin, assertRoleAt } from './policy';

export type TCreateUser = {
  username: string;
  password: string;
  displayName?: string;
  locale?: 'en' | 'hi';
  role: TRole;
  unitId?: number;
  wing?: string;
};

/**
 * Creates a user with one role grant. National admins may grant anything; an admin may grant
 * roles up to admin inside their own subtree. Without a unit, the grant is at the wing's top unit.
 */
export const createUser = (ctx: TCtx, input: TCreateUser) =>
  ctx.db.transaction().execute(async (trx) => {
    let unitId: number | null = null;
    if (input.role === 'national-admin') {
      assertNationalAdmin(ctx.actor);
    } else {
      if (input.unitId !== undefined) {
        unitId = input.unitId;
      } else {
        const wing = await trx.selectFrom('wing').select('root_unit_id').where('key', '=', input.wing ?? 'main').executeTakeFirst();
        if (!wing?.root_unit_id) throw new AppError('VALIDATION', 'UNKNOWN_WING', { field: 'wing', params: { wing: input.wing ?? 'main' } });
        unitId = wing.root_unit_id;
      }
      const unit = await trx.selectFrom('unit').select(['id', 'path']).where('id', '=', unitId).executeTakeFirst();
      if (!unit) throw unitNotFound(unitId);
      assertRoleAt(ctx.actor, unit.path, 'admin', () => unitNotFound(unitId ?? 0));
    }
    const taken = await trx
      .selectFrom('app_user')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase()))
      .executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', 'USER_EXISTS', { field: 'username', params: { username: input.username } });
    const user = await trx
      .insertInto('app_user')
      .values({
        username: input.username,
        display_name: input.displayName ?? input.username,
        password_hash: await hashPassword(input.password),
        locale: input.locale ?? 'en',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('role_grant').values({ user_id: user.id, role: input.role, unit_id: unitId }).execute();
    await recordAudit(trx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: { username: input.username, role: input.role, unitId },
    });
    return { id: user.id, username: input.username, role: input.role, unitId };
  });
