import { searchKey } from '@samiti/common';
import type { DB, openDatabase } from '@samiti/server';
import { type Kysely, sql } from 'kysely';
import { personName } from './names';


/**
 * Loads `members` synthetic people into random booths (unnest batches of 20,000), without the two
 * search indexes, which are built after the load (as an office would after a first migration).
 * Phones are +91 6000000000 + i. Answers the load's and the index build's milliseconds.
 */
export const loadMembers = async (
  database: Awaited<ReturnType<typeof openDatabase>>,
  booths: number[],
  members: number,
  log: (...a: unknown[]) => void,
) => {
  const db = database.db;
  await sql`drop index person_search_idx`.execute(db);
  await sql`drop index person_search_prefix_idx`.execute(db);
  const BATCH = 20_000;
  const t0 = performance.now();
  for (let start = 0; start < members; start += BATCH) {
    const n = Math.min(BATCH, members - start);
    const names: string[] = [];
    const hi: string[] = [];
    const phones: string[] = [];
    const homes: number[] = [];
    const keys: string[] = [];
    for (let k = 0; k < n; k++) {
      const i = start + k;
      const [en, h] = personName(i);
      names.push(en);
      hi.push(h);
      phones.push(`+91${6_000_000_000 + i}`);
      homes.push(booths[(i * 7919) % booths.length] as number);
      keys.push(searchKey(en, h));
    }
    await sql`insert into person (name, name_hi, phone, home_unit_id, consent_purpose, consent_date, consent_method, search_key)
        select n, h, p, u, 'membership', '2026-01-01'::date, 'online', k
        from unnest(${names}::text[], ${hi}::text[], ${phones}::text[], ${homes}::bigint[], ${keys}::text[]) as x(n, h, p, u, k)`.execute(
      db,
    );
    if ((start / BATCH) % 50 === 0) log(`  loaded ${start + n}`);
  }
  const tLoad = performance.now() - t0;
  const t1 = performance.now();
  await sql`create index person_search_idx on person using gist (search_key gist_trgm_ops)`.execute(db);
  await sql`create index person_search_prefix_idx on person (search_key text_pattern_ops) where deleted_at is null`.execute(db);
  const tIndex = performance.now() - t1;
  await sql`vacuum analyze person`.execute(db);
  return { tLoad, tIndex };
};

const POSTS = ['president', 'booth-agent', 'secretary', 'whatsapp-in-charge', 'member', 'member', 'member', 'member', 'member', 'member'];

/**
 * A people/posts sheet of `committees` booth committees of 10 (40,000 rows for 4,000), on booths and
 * phones no earlier run used (the seed is the number of tenures on file), and the same people as
 * rows for `\copy` into the person table (phones 40,000 further on, so they match nobody).
 */
export const committeeSheet = async (db: Kysely<DB>, booths: number[], committees = 4000) => {
  const seed = Number((await sql<{ n: number }>`select count(*)::int as n from tenure`.execute(db)).rows[0]?.n ?? 0);
  const firstBooth = Math.floor(seed / 10) % Math.max(1, booths.length - committees);
  const lines = ['unit id,post,name,hindi name,mobile'];
  const copyLines: string[] = [];
  let p = 0;
  for (const b of booths.slice(firstBooth, firstBooth + committees)) {
    for (const post of POSTS) {
      const [en, h] = personName(++p);
      const phone = 8_000_000_000 + seed * 2 + p;
      lines.push(`${b},${post},${en},${h},${phone}`);
      copyLines.push([en, h, `+91${phone + 40_000}`, b, 'membership', '2026-01-01', 'online', searchKey(en, h)].join(','));
    }
  }
  return { lines, copyLines, seed };
};
