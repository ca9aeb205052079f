import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types';
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
    for (const batch of chunks(data.parties, 500)) {
      await trx
        .insertInto('party')
        .values(batch.map((p) => ({ key: p.key, short_name: p.short, name: p.name, name_hi: p.nameHi })))
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    }
    const folded = new Map<string, string>();
    for (const p of data.parties) folded.set(normalisePartyName(p.name), p.key);
    for (const [name, key] of aliases.byName) if (data.parties.some((p) => p.key === key)) folded.set(name, key);
    for (const batch of chunks([...folded.entries()], 1000)) {
      await trx
        .insertInto('party_alias')
        .values(batch.map(([f, key]) => ({ folded: f, party_key: key })))
        .onConflict((oc) => oc.column('folded').doNothing())
        .execute();
    }
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
        s.candidates.map(([serial, candidate, party, votes]) => ({
          seat_id: seatIds.get(s.code) as number,
          serial,
          candidate,
          party_key: party,
          votes,
        })),
      );
      for (const batch of chunks(results, 2000)) await trx.insertInto('result_row').values(batch).execute();
    }
  });
  await sql`analyze result_row`.execute(db);
  await sql`analyze seat`.execute(db);
  return true;
};
