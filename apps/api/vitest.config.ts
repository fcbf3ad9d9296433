import { defineProject } from 'vitest/config';

export default defineProject({
  // graphql ships .mjs and .js builds; Pothos loads one and vitest the other, which graphql
  // rejects as "another realm". Pin everything to one build.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    name: 'api',
    include: ['src/**/*.test.ts'],
    globalSetup: ['../../packages/db/src/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
