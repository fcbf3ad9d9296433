import { withDatabase } from './database-url.js';

/**
 * The database `pnpm bench:api` fills and `pnpm bench:web` reads: `wirelens_bench` on the server of
 * BENCH_DATABASE_URL, else DATABASE_URL, TEST_DATABASE_URL or the local PostgreSQL.
 */
export function benchDatabase(env: NodeJS.ProcessEnv = process.env): { serverUrl: string; url: string } {
  const serverUrl =
    env.BENCH_DATABASE_URL ??
    env.DATABASE_URL ??
    env.TEST_DATABASE_URL ??
    'postgresql://postgres@127.0.0.1:5432/postgres';
  return { serverUrl, url: withDatabase(serverUrl, 'wirelens_bench') };
}

/** The p-th percentile (nearest rank) of timings. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
