import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'vite-plugins', include: ['src/**/*.test.ts'] },
});
