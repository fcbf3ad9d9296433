import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: {
    // `pnpm --filter @wirelens/dashboard dev` talks to an API started with `pnpm start`.
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/healthz': 'http://127.0.0.1:4000' },
  },
  build: { sourcemap: false, target: 'es2022' },
});
