/**
 * Live progress of cascades being built by a job, by directive id. Kept in memory: the job builds
 * the whole cascade in one transaction (all or nothing), which on PGlite holds the only connection.
 */
export const cascadeProgress = new Map<number, { created: number; total: number }>();
