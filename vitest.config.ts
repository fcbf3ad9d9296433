import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The dashboard's browser tests are a project of their own (a second config in apps/dashboard).
    projects: ['packages/*', 'tooling/*', 'apps/*', 'apps/dashboard/vitest.e2e.config.ts'],
  },
});
