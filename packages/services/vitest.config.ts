import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'services',
    include: ['src/**/*.test.ts'],
    globalSetup: ['../../packages/db/src/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
