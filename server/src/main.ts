import { buildApp } from './app';
import { openConfigured, openFileStore, prepareDatabase, systemCtx } from './bootstrap';
import { readConfig } from './config';
import { DEMO_LOGIN, seedDemo } from './demo';
import { startJobs } from './jobs';
import { HEALTH_SNAPSHOT_CRON, HEALTH_SNAPSHOT_QUEUE, writeHealthSnapshots } from './modules/org-health/snapshots';
import { DataDirLockedError } from './lock';
import { IMPORT_QUEUE, runImportJob } from './modules/imports/jobs';
import { ELECTION_IMPORT_QUEUE, runElectionImportJob } from './modules/elections/import-jobs';
import { CASCADE_QUEUE } from './modules/directives/create';
import { runCascadeJob } from './modules/directives/jobs';
import { ASSIGNMENT_SMS_QUEUE, sendAssignmentSms } from './modules/notifications/notify';
import { REMINDER_CRON, REMINDER_QUEUE, runReminders } from './modules/notifications/reminders';
import { smsProviderFromEnv } from './modules/notify/sms';
import { PROGRAMME_OVERDUE_CRON, PROGRAMME_OVERDUE_QUEUE, PROGRAMME_SMS_QUEUE, runOverdueNotices, sendProgrammeSms, type TProgrammeSms } from './modules/programmes/notices';
import { ROLLOUT_QUEUE, runRolloutJob } from './modules/programmes/rollout';
import { todayInIndia } from './modules/directives/access';

const main = async () => {
  const config = readConfig();
  const fileStore = openFileStore(config); // before anything else: a half-set S3 configuration refuses to start
  const { database, release } = await openConfigured(config, 'samiti server');
  const prep = await prepareDatabase(database);
  if (prep.isNew && process.env.SAMITI_DEMO !== '0') {
    console.log('First start: loading the demo organisation (all states, districts and assembly units; demo booths)…');
    await seedDemo(systemCtx(database, 'demo'));
  }
  const hasDemoLogin = await database.db.selectFrom('app_user').select('id').where('username', '=', DEMO_LOGIN.username).executeTakeFirst();
  const jobs = await startJobs(
    database,
    {
      [IMPORT_QUEUE]: (data) => runImportJob(database.db, Number(data.jobId)),
      [ELECTION_IMPORT_QUEUE]: (data) => runElectionImportJob(database.db, Number(data.jobId)),
      [CASCADE_QUEUE]: async (data) => {
        const id = Number(data.directiveId);
        if (await runCascadeJob(database.db, id)) await sendAssignmentSms(database.db, smsProviderFromEnv(database.db), id);
      },
      [ASSIGNMENT_SMS_QUEUE]: async (data) => {
        await sendAssignmentSms(database.db, smsProviderFromEnv(database.db), Number(data.directiveId));
      },
      [REMINDER_QUEUE]: async () => {
        await runReminders(database.db, smsProviderFromEnv(database.db), todayInIndia());
      },
      [ROLLOUT_QUEUE]: async (data) => {
        await runRolloutJob(database.db, Number(data.rolloutId));
      },
      [PROGRAMME_SMS_QUEUE]: async (data) => {
        await sendProgrammeSms(database.db, smsProviderFromEnv(database.db), data as unknown as TProgrammeSms);
      },
      [PROGRAMME_OVERDUE_QUEUE]: async () => {
        await runOverdueNotices(database.db, smsProviderFromEnv(database.db), todayInIndia());
      },
      [HEALTH_SNAPSHOT_QUEUE]: async () => {
        await writeHealthSnapshots(database.db);
      },
    },
    (msg, err) => console.error(msg, err),
    { [REMINDER_QUEUE]: REMINDER_CRON, [HEALTH_SNAPSHOT_QUEUE]: HEALTH_SNAPSHOT_CRON, [PROGRAMME_OVERDUE_QUEUE]: PROGRAMME_OVERDUE_CRON },
  );
  const app = await buildApp({
    jobs,
    db: database.db,
    dbKind: database.kind,
    webDist: config.webDist,
    files: { store: fileStore },
    logger: { level: process.env.LOG_LEVEL ?? 'warn' },
  });
  const shutdown = async () => {
    await app.close();
    await jobs.stop();
    await database.close();
    release();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`\nSamiti is running at http://localhost:${config.port}  (database: ${where})`);
  console.log(`API docs: http://localhost:${config.port}/api/docs`);
  if (hasDemoLogin) {
    console.log(`Demo login: ${DEMO_LOGIN.username} / ${DEMO_LOGIN.password}  (also up-admin, mzn-president, mzn-viewer with the same password)`);
  } else {
    console.log('No demo organisation. Stop the server, then create a login: npx samiti users create --username U --password P --role national-admin');
  }
};

main().catch((err: unknown) => {
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
