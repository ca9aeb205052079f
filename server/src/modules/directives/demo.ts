import type { TCtx } from '../../context';
import { createUser } from '../auth/users';
import { setUserPerson } from './users';

/**
 * Links the demo logins to the people holding the posts they stand for — `mzn-president` to the
 * district president, and a new `mzn-ac-president` (Hindi) to the president of the district's
 * first assembly unit — so "my assignments" has someone to reach. Runs after the meetings demo,
 * which appoints those people.
 */
export const seedDirectivesDemo = async (ctx: TCtx, input: { districtId: number; presidentUserId: number; password: string }) => {
  const holder = (unitId: number) =>
    ctx.db
      .selectFrom('tenure')
      .select('person_id')
      .where('unit_id', '=', unitId)
      .where('post_key', '=', 'president')
      .where('end_date', 'is', null)
      .orderBy('start_date')
      .executeTakeFirst();
  const president = await holder(input.districtId);
  if (president) await setUserPerson(ctx, input.presidentUserId, president.person_id);
  const ac = await ctx.db
    .selectFrom('unit as u')
    .innerJoin('tenure as t', 't.unit_id', 'u.id')
    .select(['u.id', 't.person_id'])
    .where('u.parent_id', '=', input.districtId)
    .where('u.level', '=', 'assembly')
    .where('t.post_key', '=', 'president')
    .where('t.end_date', 'is', null)
    .orderBy('u.sort_key')
    .executeTakeFirst();
  if (!ac) return;
  const user = await createUser(ctx, {
    username: 'mzn-ac-president',
    password: input.password,
    displayName: 'Assembly president (Muzaffarnagar district)',
    locale: 'hi',
    role: 'office-bearer',
    unitId: ac.id,
  });
  await setUserPerson(ctx, user.id, ac.person_id);
};
