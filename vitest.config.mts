import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // One real PostgreSQL for the head office's tests (test/support/postgres.ts).
    globalSetup: ['test/support/postgres-global.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
