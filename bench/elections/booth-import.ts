// Booth-wise results import at the size of a big state's file: N ACs of UP × P parts, 11 party
// columns. Times the check (what the request does) and the all-or-nothing write (what the job does).
// Target: a 20,000-booth file checked in < 10 s and written in < 60 s on PGlite (a laptop, quiet).
// Usage: npx tsx bench/elections/booth-import.ts [acs=50] [parts=400]   (DATABASE_URL for PostgreSQL)
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../server/src/db/connect';
import { prepareDatabase, systemCtx } from '../../server/src/bootstrap';
import { importBoothResults } from '../../server/src/modules/elections/booth-import';
import { createElection } from '../../server/src/modules/elections/operations';
import { importPollingStations } from '../../server/src/modules/geo/polling-stations';
import { refreshElectionHealth } from '../../server/src/modules/org-health/election-facts';

const acs = Number(process.argv[2] ?? 50);
const parts = Number(process.argv[3] ?? 400);
const url = process.env.DATABASE_URL;
const database = url ? await openDatabase({ kind: 'postgres', url, poolSize: 4 }) : await openDatabase({ kind: 'pglite' } as never);
await prepareDatabase(database);
const ctx = systemCtx(database, 'bench');
const ps = ['state,ac,part,name'];
for (let ac = 1; ac <= acs; ac++) for (let p = 1; p <= parts; p++) ps.push(`S24,${ac},${p},Booth ${ac}-${p}`);
let t = performance.now();
await importPollingStations(ctx, Buffer.from(ps.join('\n')));
const psMs = performance.now() - t;
// The org-health hook computes booth shares only once a party is "ours" (as on every real install): set it,
// unless OUR_PARTY=none, so the write is timed with the hook doing its real work.
const ourParty = process.env.OUR_PARTY ?? 'bjp';
if (ourParty !== 'none') await database.db.updateTable('election_setting').set({ our_party_key: ourParty }).execute();
const e = await createElection(ctx, { type: 'vidhan-sabha', stateCode: 'S24', year: 2017, name: 'UP 2017 (bench)' });
const parties = ['BJP', 'SP', 'BSP', 'INC', 'RLD', 'AAP', 'AITC', 'JD(U)', 'IND', 'Apna Dal', 'NOTA'];
const lines = [`ac,part,${parties.join(',')},total`];
let seed = 7;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % 400;
};
for (let ac = 1; ac <= acs; ac++)
  for (let p = 1; p <= parts; p++) {
    const v = parties.map(() => rnd());
    lines.push(`${ac},${p},${v.join(',')},${v.reduce((a, b) => a + b, 0)}`);
  }
const file = Buffer.from(lines.join('\n'));
t = performance.now();
const check = await importBoothResults(ctx, e.id, file, { dryRun: true });
const checkMs = performance.now() - t;
t = performance.now();
let steps = 0;
const done = await importBoothResults(ctx, e.id, file, { dryRun: false, onProgress: () => void steps++ });
const writeMs = performance.now() - t;
// The org-health hook the write ends with (booth shares for weak-unit detection), timed on its own.
const psIds = (await database.db.selectFrom('polling_station').select('id').where('ac_code', 'like', 'S24-AC-%').execute()).map(
  (r) => r.id,
);
t = performance.now();
await refreshElectionHealth(database.db, { pollingStationIds: psIds });
const healthMs = performance.now() - t;
const out = {
  engine: database.kind,
  ourParty,
  booths: acs * parts,
  bytes: file.length,
  errors: check.errors.length,
  written: done.written,
  progressSteps: steps,
  pollingStationsMs: Math.round(psMs),
  checkMs: Math.round(checkMs),
  writeMs: Math.round(writeMs),
  healthHookMs: Math.round(healthMs),
};
console.log(JSON.stringify(out, null, 2));
await database.close();
