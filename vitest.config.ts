import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // both cores (vitest's default leaves one idle on a 2-core machine); e2e tests that chdir run one per fork
    maxWorkers: 2,
  },
});
