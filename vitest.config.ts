import { defineConfig } from 'vitest/config';

// One run covers every workspace's unit and API tests. The browser suite (e2e/) and benchmarks
// (bench/) have their own commands. With DATABASE_URL set, server tests run on PostgreSQL.
export default defineConfig({
  test: {
    include: ['{common,server,cli,web}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
