import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // Integration tests start real processes; two cores cannot run many at once usefully.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
