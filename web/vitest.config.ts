import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The web app's unit tests are pure (no DOM, no server): this config lets them run on their
// own, without the root config's server database setup: `npx vitest run --config web/vitest.config.ts`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
