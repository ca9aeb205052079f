import path from 'node:path';

export type TConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  webDist: string;
};

/** Reads the environment once; every other module gets config passed in. */
export const readConfig = (env: NodeJS.ProcessEnv = process.env): TConfig => {
  const repoRoot = path.resolve(import.meta.dirname, '../..');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    // npm runs workspace scripts in the workspace folder; a relative SAMITI_DATA_DIR means the caller's folder.
    dataDir: env.SAMITI_DATA_DIR ? path.resolve(env.INIT_CWD ?? process.cwd(), env.SAMITI_DATA_DIR) : path.join(repoRoot, 'data'),
    databaseUrl: env.DATABASE_URL?.trim() || null,
    webDist: path.join(repoRoot, 'web', 'dist'),
  };
};
