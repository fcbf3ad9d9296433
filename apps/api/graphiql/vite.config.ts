import path from 'node:path';
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

// GraphiQL is bundled on its own route (/graphiql) so it works offline and never weighs on the dashboard.
export default defineConfig({
  root: here,
  base: '/graphiql/',
  plugins: [react()],
  build: { outDir: path.resolve(here, '../dist/graphiql'), emptyOutDir: true, chunkSizeWarningLimit: 6000 },
});
