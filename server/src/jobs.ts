import PgBoss from 'pg-boss';
import type { TDatabase } from './db/connect';

export type TJobs = {
  send: (queue: string, data: object) => Promise<string | null>;
  stop: () => Promise<void>;
};
export type TJobHandler = (data: Record<string, unknown>) => Promise<void>;

/**
 * The background job queue (pg-boss) on the app's own database — PostgreSQL, or PGlite through
 * the same lock as every other query. Handlers run in this process.
 */
export const startJobs = async (
  database: TDatabase,
  handlers: Record<string, TJobHandler>,
  log: (msg: string, err?: unknown) => void,
  /** Cron schedules (India time) of queues among `handlers`, e.g. daily reminders. */
  schedules: Record<string, string> = {},
): Promise<TJobs> => {
  const boss = new PgBoss({
    // pg-boss's types want pg's own executeSql signature; ours returns the same { rows } shape.
    db: { executeSql: (text: string, values: unknown[]) => database.executeSql(text, values) } as unknown as PgBoss.Db,
    // The cron clock runs only when something is scheduled (tests and the CLI schedule nothing).
    schedule: Object.keys(schedules).length > 0,
    supervise: true,
  });
  boss.on('error', (err) => log('job queue error', err));
  await boss.start();
  for (const [queue, handler] of Object.entries(handlers)) {
    await boss.createQueue(queue);
    await boss.work<Record<string, unknown>>(queue, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
  }
  for (const [queue, cron] of Object.entries(schedules)) await boss.schedule(queue, cron, {}, { tz: 'Asia/Kolkata' });
  return {
    send: (queue, data) => boss.send(queue, data),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
};
