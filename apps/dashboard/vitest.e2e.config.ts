import { defineProject } from 'vitest/config';

// Browser end-to-end tests: the real app (`wirelens start`) on a fresh database, driven in Debian's Chromium.
// A project of its own so component tests keep their DOM environment and run without the app.
export default defineProject({
  test: {
    name: 'dashboard-e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['../../packages/db/src/testing/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Pages answer within a second or two; the default 1 s of expect.poll is too tight on a busy 2-core machine.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    // After every other project: the app start and the browser need the machine's cores to themselves.
    sequence: { groupOrder: 1 },
  },
});
