// Child process for durability.test.ts: commits rows through the app's Kysely/PGlite stack, says
// so on stdout, then waits to be killed with SIGKILL.
import { sql } from 'kysely';
import { openDatabase } from '../src/db/connect';

const dir = process.argv[2] as string;
const database = await openDatabase({ kind: 'pglite', dataDir: dir });
await sql`create table if not exists t (id int primary key, note text)`.execute(database.db);
await database.db.transaction().execute(async (trx) => {
  await sql`insert into t values (1, 'in a transaction')`.execute(trx);
});
await sql`insert into t values (2, 'autocommit')`.execute(database.db);
process.stdout.write('committed\n');
setInterval(() => undefined, 1000);
