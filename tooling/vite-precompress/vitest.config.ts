import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'vite-precompress', include: ['src/**/*.test.ts'] },
});
