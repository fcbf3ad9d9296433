import { createRequire } from 'node:module';

import { defineProject } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineProject({
  // graphql 16 ships CJS (main) and ESM (module) builds; Node loads Pothos and Apollo with the CJS one,
  // so our sources must get the same instance or type checks fail across "realms".
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    name: 'api',
    include: ['src/**/*.test.ts'],
    globalSetup: ['../../packages/db/src/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
