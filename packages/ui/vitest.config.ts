import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'ui',
    environment: 'happy-dom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // Testing Library only cleans up between tests by itself when vitest globals are on; they are off here.
    setupFiles: ['./src/test-setup.ts'],
  },
});
