import { defineConfig } from 'vitest/config';

// Benchmarks run on demand (`npm run bench`), never in `npm test`: these machines are shared and
// noisy, so figures are ratios measured within one run and recorded in bench/RESULTS.md.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 600_000,
    fileParallelism: false,
  },
});
