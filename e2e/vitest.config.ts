import { defineConfig } from 'vitest/config';

// The browser suite: a real server on PGlite with the demo organisation, driven through the
// system Chromium. Run with `npm run test:e2e` from the repository root (builds the web app first).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
