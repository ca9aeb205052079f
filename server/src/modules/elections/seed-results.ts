import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types';
import { refreshElectionHealth } from '../org-health/election-facts';
import { normalisePartyName, parseAliasCsv } from './party-names';

const DATA_DIR = path.resolve(import.meta.dirname, '../../../data');
export const RESULTS_FILE = path.join(DATA_DIR, 'results-lok-sabha.json');
export const ALIAS_FILE = path.join(DATA_DIR, 'party-aliases.csv');

type TResultsFile = {
  parties: { key: string; short: string | null; name: string; nameHi: string | null }[];
  elections: {
    year: number;
    name: string;
    nameHi: string;
    pollDate: string;
    countingDate: string;
    seats: { code: string; name: string; isRedrawn: boolean; isUncontested: boolean; candidates: [number, string, string, number][] }[];
  }[];
};

const chunks = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/**
 * Loads the shipped parties and the Lok Sabha 2019 and 2024 results once (about 17,500 result rows),
 * as two national elections marked `is_shipped`. Runs at migrate time after the geography.
 */
export const seedShippedResults = async (db: Kysely<DB>, file = RESULTS_FILE, aliasFile = ALIAS_FILE): Promise<boolean> => {
  const present = await db.selectFrom('election').select('id').where('is_shipped', '=', true).limit(1).executeTakeFirst();
  if (present) return false;
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as TResultsFile;
  const aliases = parseAliasCsv(fs.readFileSync(aliasFile, 'utf8'));
  await db.transaction().execute(async (trx) => {
    const ps = data.parties;
    await sql`insert into party (key, short_name, name, name_hi)
      select * from unnest(${ps.map((p) => p.key)}::text[], ${ps.map((p) => p.short)}::text[], ${ps.map((p) => p.name)}::text[], ${ps.map((p) => p.nameHi)}::text[])
      on conflict (key) do nothing`.execute(trx);
    const folded = new Map<string, string>();
    for (const p of ps) folded.set(normalisePartyName(p.name), p.key);
    for (const [name, key] of aliases.byName) if (ps.some((p) => p.key === key)) folded.set(name, key);
    await sql`insert into party_alias (folded, party_key)
      select * from unnest(${[...folded.keys()]}::text[], ${[...folded.values()]}::text[]) on conflict (folded) do nothing`.execute(trx);
    for (const e of data.elections) {
      const election = await trx
        .insertInto('election')
        .values({
          type: 'lok-sabha',
          state_code: null,
          unit_id: null,
          year: e.year,
          name: e.name,
          name_hi: e.nameHi,
          poll_date: e.pollDate,
          counting_date: e.countingDate,
          is_shipped: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const seatIds = new Map<string, number>();
      for (const batch of chunks(e.seats, 500)) {
        const rows = await trx
          .insertInto('seat')
          .values(
            batch.map((s) => ({
              election_id: election.id,
              code: s.code,
              number: Number(s.code.split('-PC-')[1]),
              name: s.name,
              geo_code: s.code,
              is_redrawn: s.isRedrawn,
              is_uncontested: s.isUncontested,
            })),
          )
          .returning(['id', 'code'])
          .execute();
        for (const r of rows) seatIds.set(r.code, r.id);
      }
      // Hindi names and reservation from today's geography, except for a redrawn seat's old name.
      await sql`update seat s set name_hi = g.name_hi, reservation = g.reservation
        from geo_area g where g.code = s.geo_code and s.election_id = ${election.id} and not s.is_redrawn`.execute(trx);
      const results = e.seats.flatMap((s) =>
        s.candidates.map(([serial, candidate, party, votes]) => ({ seat: seatIds.get(s.code) as number, serial, candidate, party, votes })),
      );
      // One statement with a parameter per column (arrays) instead of five per row: PGlite pays per parameter.
      await sql`insert into result_row (seat_id, serial, candidate, party_key, votes)
        select * from unnest(${results.map((r) => r.seat)}::bigint[], ${results.map((r) => r.serial)}::int[],
          ${results.map((r) => r.candidate)}::text[], ${results.map((r) => r.party)}::text[], ${results.map((r) => r.votes)}::int[])`.execute(
        trx,
      );
    }
    await refreshElectionHealth(trx, 'all');
  });
  await sql`analyze result_row`.execute(db);
  await sql`analyze seat`.execute(db);
  return true;
};
