import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built with `--configLoader runner` (package.json): the default loader leaves this workspace package's
// TypeScript to Node, which cannot run it.
import { precompress } from '@wirelens/vite-precompress';

const NODE_MODULE = (names: string) =>
  new RegExp(
    `[\\\\/]node_modules[\\\\/](\\.pnpm[\\\\/][^\\\\/]+[\\\\/]node_modules[\\\\/])?(${names})[\\\\/]`,
  );

// What every page needs; kept out of the charts chunk so the feed never has to load it.
const APP_VENDOR = NODE_MODULE(
  'react|react-dom|scheduler|react-router|cookie|set-cookie-parser|urql|@urql[\\\\/]core|wonka',
);
// The UI package without its chart modules (and without its index, which re-exports the charts).
const UI_CORE =
  /[\\/]packages[\\/]ui[\\/]src[\\/](?!index\.ts$|trend-chart|compare-chart|chart-)[^\\/]+\.tsx?$/;
// recharts with everything it pulls in, and the UI package's chart modules.
const CHARTS =
  /[\\/]node_modules[\\/].*recharts|[\\/]packages[\\/]ui[\\/]src[\\/](trend-chart|compare-chart|chart-[a-z-]+)\.tsx?$/;

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    // `pnpm --filter @wirelens/dashboard dev` talks to an API started with `pnpm start`.
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/healthz': 'http://127.0.0.1:4000' },
  },
  build: {
    sourcemap: false,
    target: 'es2022',
    rolldownOptions: {
      // packages/ui declares no `sideEffects`, so importing anything from its index would keep every module it
      // re-exports (the charts too). Its TypeScript modules have no import-time effects; saying so lets unused
      // ones drop out of the feed's bundle.
      treeshake: {
        moduleSideEffects: (id: string) => !/[\\/]packages[\\/]ui[\\/]src[\\/][^\\/]+\.tsx?$/.test(id),
      },
      output: {
        // Without a group of their own the charts land in the chunk shared with the feed and ship on first load;
        // kept apart, only the pages that draw charts fetch them. Priorities decide which group claims a shared
        // module first, so chunks never import each other in a circle (which leaves a module uninitialised).
        codeSplitting: {
          groups: [
            { name: 'vendor', test: APP_VENDOR, priority: 30 },
            { name: 'ui', test: UI_CORE, priority: 20 },
            { name: 'charts', test: CHARTS, priority: 10 },
          ],
        },
      },
    },
  },
});
