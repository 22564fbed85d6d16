import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    // expect.poll waits for real processes and a real browser: a second (the default) is too short
    // on two cores when other test files run beside it.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 90_000,
    // Integration tests start real processes; two cores cannot run many at once usefully.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
