import { withDatabase } from './database-url.js';

/**
 * The database `pnpm bench:api` fills and `pnpm bench:web` reads: BENCH_DATABASE_NAME (default
 * `wirelens_bench`) on the server of BENCH_DATABASE_URL, else DATABASE_URL, TEST_DATABASE_URL or the
 * local PostgreSQL.
 */
export function benchDatabase(env: NodeJS.ProcessEnv = process.env): {
  serverUrl: string;
  url: string;
  name: string;
} {
  const serverUrl =
    env.BENCH_DATABASE_URL ??
    env.DATABASE_URL ??
    env.TEST_DATABASE_URL ??
    'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = env.BENCH_DATABASE_NAME ?? 'wirelens_bench';
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`BENCH_DATABASE_NAME must be a plain lower-case identifier: ${name}`);
  return { serverUrl, url: withDatabase(serverUrl, name), name };
}

/** The p-th percentile (nearest rank) of timings. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
