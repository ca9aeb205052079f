import type { TPostTemplate, TPostTemplateBody, TTemplatePost } from '@samiti/common';
import { type Kysely, sql } from 'kysely';
import type { TActor, TCtx } from '../../context';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record';
import { hasRoleAt } from '../auth/policy';

/** Tenures of programme events and clusters use these keys; no unit template may offer them. */
const RESERVED_KEYS = new Set(['programme-in-charge', 'cluster-in-charge']);
const MAIN = 'main';

type TWing = { key: string; root_path: string | null };

const loadWing = async (db: Kysely<DB>, key: string): Promise<TWing> => {
  const w = await db
    .selectFrom('wing as w')
    .leftJoin('unit as u', 'u.id', 'w.root_unit_id')
    .select(['w.key', 'u.path as root_path'])
    .where('w.key', '=', key)
    .executeTakeFirst();
  if (!w) throw new AppError('NOT_FOUND', 'TEMPLATE_WING_NOT_FOUND', { params: { wing: key }, field: 'wing' });
  return w;
};

const loadLevel = async (db: Kysely<DB>, key: string) => {
  const l = await db.selectFrom('org_level').select(['key', 'name', 'name_hi']).where('key', '=', key).executeTakeFirst();
  if (!l) throw new AppError('NOT_FOUND', 'UNKNOWN_LEVEL', { params: { level: key }, field: 'level' });
  return l;
};

/**
 * Who may edit templates: an admin of the national unit (the main wing's root) edits every template;
 * an admin of a wing's root unit edits that wing's own templates.
 */
const canEditTemplate = async (db: Kysely<DB>, actor: TActor, wing: TWing) => {
  const main = wing.key === MAIN ? wing : await loadWing(db, MAIN);
  if (main.root_path && hasRoleAt(actor, main.root_path, 'admin')) return true;
  return wing.key !== MAIN && wing.root_path !== null && hasRoleAt(actor, wing.root_path, 'admin');
};

type TTemplateRow = {
  level: string;
  post_key: string;
  name: string;
  name_hi: string;
  seats: number;
  min_seats: number;
  sort: number;
  is_wing_template: boolean;
};

const toPost = (r: TTemplateRow): TTemplatePost => ({
  key: r.post_key,
  name: r.name,
  nameHi: r.name_hi,
  minSeats: r.min_seats,
  maxSeats: r.seats,
});

/** The rows of the template that units of (wing, level) follow, in order. */
export const effectiveTemplateRows = (db: Kysely<DB>, wing: string, level: string) =>
  db
    .selectFrom('effective_post_template')
    .select(['level', 'post_key', 'name', 'name_hi', 'seats', 'min_seats', 'sort', 'is_wing_template'])
    .where('wing', '=', wing)
    .where('level', '=', level)
    .orderBy('sort')
    .orderBy('post_key')
    .execute();

/** One post of the template a unit of (wing, level) follows, or undefined when it has no such post. */
export const effectiveTemplatePost = (db: Kysely<DB>, wing: string, level: string, post: string) =>
  db
    .selectFrom('effective_post_template')
    .select(['post_key', 'name', 'name_hi', 'seats', 'min_seats'])
    .where('wing', '=', wing)
    .where('level', '=', level)
    .where('post_key', '=', post)
    .executeTakeFirst();

const toTemplate = (
  level: { key: string; name: string; name_hi: string },
  wing: string,
  rows: TTemplateRow[],
  canEdit: boolean,
): TPostTemplate => ({
  level: level.key,
  levelName: level.name,
  levelNameHi: level.name_hi,
  wing,
  source: rows.some((r) => r.is_wing_template) ? 'wing' : 'default',
  posts: rows.map(toPost),
  minTotal: rows.reduce((n, r) => n + r.min_seats, 0),
  maxTotal: rows.reduce((n, r) => n + r.seats, 0),
  canEdit,
});

/** Every level's template for a wing (the default ones for `main`), in level order: one per configured level. */
export const listPostTemplates = async (ctx: TCtx, wingKey: string): Promise<TPostTemplate[]> => {
  const wing = await loadWing(ctx.db, wingKey);
  const [levels, rows, canEdit] = await Promise.all([
    ctx.db.selectFrom('org_level').select(['key', 'name', 'name_hi']).orderBy('rank').execute(),
    ctx.db
      .selectFrom('effective_post_template')
      .select(['level', 'post_key', 'name', 'name_hi', 'seats', 'min_seats', 'sort', 'is_wing_template'])
      .where('wing', '=', wing.key)
      .orderBy('sort')
      .orderBy('post_key')
      .execute(),
    canEditTemplate(ctx.db, ctx.actor, wing),
  ]);
  return levels.map((l) =>
    toTemplate(
      l,
      wing.key,
      rows.filter((r) => r.level === l.key),
      canEdit,
    ),
  );
};

export const getPostTemplate = async (ctx: TCtx, wingKey: string, levelKey: string): Promise<TPostTemplate> => {
  const wing = await loadWing(ctx.db, wingKey);
  const level = await loadLevel(ctx.db, levelKey);
  const rows = await effectiveTemplateRows(ctx.db, wing.key, level.key);
  return toTemplate(level, wing.key, rows, await canEditTemplate(ctx.db, ctx.actor, wing));
};

/**
 * Current tenures at units of `level` that follow the template being changed: units of the main wing
 * and of wings without their own template for the level (default), or units of the one wing.
 */
const currentTenuresUnder = (db: Kysely<DB>, wing: string, level: string) => {
  let q = db
    .selectFrom('tenure as t')
    .innerJoin('unit as u', 'u.id', 't.unit_id')
    .where('t.end_date', 'is', null)
    .where('t.programme_instance_id', 'is', null)
    .where('t.programme_cluster_id', 'is', null)
    .where('u.level', '=', level);
  if (wing === MAIN) {
    q = q.where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('wing_post_template as o').select('o.wing').whereRef('o.wing', '=', 'u.wing').where('o.level', '=', level)),
      ),
    );
  } else {
    q = q.where('u.wing', '=', wing);
  }
  return q;
};

/**
 * Refuses (409) a template that would drop a post someone currently holds at a unit following it, or
 * make a post's maximum smaller than a unit's current holders of it.
 */
const assertFitsCurrentHolders = async (trx: Kysely<DB>, wing: string, level: string, before: TTemplatePost[], after: TTemplatePost[]) => {
  const next = new Map(after.map((p) => [p.key, p]));
  for (const old of before) {
    const now = next.get(old.key);
    if (!now) {
      const held = await sql<{ n: number; unit_id: number }>`select count(*)::int as n, min(unit_id) as unit_id from (${currentTenuresUnder(
        trx,
        wing,
        level,
      )
        .where('t.post_key', '=', old.key)
        .select('t.unit_id')
        .limit(1001)}) h`.execute(trx);
      const n = Number(held.rows[0]?.n ?? 0);
      if (n > 0) {
        throw new AppError('CONFLICT', 'TEMPLATE_POST_IN_USE', {
          field: 'posts',
          params: { post: old.key, level, count: n > 1000 ? 'more than 1,000' : n, unitId: Number(held.rows[0]?.unit_id) },
          extra: { post: old.key },
        });
      }
    } else if (now.maxSeats < old.maxSeats) {
      const over = await currentTenuresUnder(trx, wing, level)
        .where('t.post_key', '=', old.key)
        .select(['t.unit_id', sql<number>`count(*)::int`.as('held')])
        .groupBy('t.unit_id')
        .having(sql<boolean>`count(*) > ${now.maxSeats}`)
        .limit(1)
        .executeTakeFirst();
      if (over) {
        throw new AppError('CONFLICT', 'TEMPLATE_SEATS_IN_USE', {
          field: 'posts',
          params: { post: old.key, max: now.maxSeats, unitId: over.unit_id, held: Number(over.held) },
          extra: { post: old.key },
        });
      }
    }
  }
};

/**
 * Replaces the template of a level — the default one (wing `main`), or a wing's own — with `body`'s
 * posts in their order. Post keys are stable: a key in use by current tenures cannot be removed (409).
 * Audited with the whole template before and after.
 */
export const setPostTemplate = (ctx: TCtx, wingKey: string, levelKey: string, body: TPostTemplateBody): Promise<TPostTemplate> =>
  ctx.db.transaction().execute(async (trx) => {
    const wing = await loadWing(trx, wingKey);
    const level = await loadLevel(trx, levelKey);
    if (!(await canEditTemplate(trx, ctx.actor, wing))) throw new AppError('FORBIDDEN', 'FORBIDDEN');
    body.posts.forEach((p, i) => {
      if (RESERVED_KEYS.has(p.key))
        throw new AppError('VALIDATION', 'TEMPLATE_KEY_RESERVED', { field: `posts.${i}.key`, params: { post: p.key } });
    });
    // One template change at a time per level: serialises with appointments through the level's row.
    await trx.selectFrom('org_level').select('key').where('key', '=', level.key).forUpdate().execute();
    const beforeRows = await effectiveTemplateRows(trx, wing.key, level.key);
    const ownBefore = wing.key === MAIN || beforeRows.some((r) => r.is_wing_template);
    // A wing taking its own template for the first time: its units followed the default until now.
    const before = beforeRows.map(toPost);
    await assertFitsCurrentHolders(trx, wing.key, level.key, before, body.posts);
    const values = body.posts.map((p, i) => ({
      level: level.key,
      post_key: p.key,
      name: p.name,
      name_hi: p.nameHi,
      seats: p.maxSeats,
      min_seats: p.minSeats,
      sort: (i + 1) * 10,
    }));
    if (wing.key === MAIN) {
      await trx.deleteFrom('post_template').where('level', '=', level.key).execute();
      await trx.insertInto('post_template').values(values).execute();
    } else {
      await trx.deleteFrom('wing_post_template').where('wing', '=', wing.key).where('level', '=', level.key).execute();
      await trx
        .insertInto('wing_post_template')
        .values(values.map((v) => ({ ...v, wing: wing.key })))
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: 'post-template.set',
      entityType: 'post_template',
      entityId: `${wing.key}:${level.key}`,
      before: { source: ownBefore ? 'own' : 'default', posts: before },
      after: { posts: body.posts },
    });
    const rows = await effectiveTemplateRows(trx, wing.key, level.key);
    return toTemplate(level, wing.key, rows, true);
  });

/**
 * Drops a wing's own template for a level: its units follow the default again. Refused (409) when a
 * current holder's post is not in the default, or holds more seats than the default allows.
 */
export const resetWingTemplate = (ctx: TCtx, wingKey: string, levelKey: string): Promise<TPostTemplate> =>
  ctx.db.transaction().execute(async (trx) => {
    const wing = await loadWing(trx, wingKey);
    const level = await loadLevel(trx, levelKey);
    if (wing.key === MAIN) throw new AppError('VALIDATION', 'TEMPLATE_MAIN_IS_DEFAULT', { field: 'wing' });
    if (!(await canEditTemplate(trx, ctx.actor, wing))) throw new AppError('FORBIDDEN', 'FORBIDDEN');
    await trx.selectFrom('org_level').select('key').where('key', '=', level.key).forUpdate().execute();
    const own = await effectiveTemplateRows(trx, wing.key, level.key);
    if (!own.some((r) => r.is_wing_template)) {
      throw new AppError('NOT_FOUND', 'TEMPLATE_NO_WING_OWN', { params: { wing: wing.key, level: level.key } });
    }
    const fallback = (await effectiveTemplateRows(trx, MAIN, level.key)).map(toPost);
    await assertFitsCurrentHolders(trx, wing.key, level.key, own.map(toPost), fallback);
    await trx.deleteFrom('wing_post_template').where('wing', '=', wing.key).where('level', '=', level.key).execute();
    await recordAudit(trx, ctx, {
      action: 'post-template.reset',
      entityType: 'post_template',
      entityId: `${wing.key}:${level.key}`,
      before: { source: 'own', posts: own.map(toPost) },
      after: { source: 'default', posts: fallback },
    });
    return toTemplate(level, wing.key, await effectiveTemplateRows(trx, wing.key, level.key), true);
  });
