import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded/embedded-postgres.js';
import { findServedCluster } from './embedded/running-cluster.js';

export interface ResolveDatabaseOptions {
  /** `DATABASE_URL`; when unset, the embedded default starts. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Ports the embedded server must not take (the web server's). */
  avoidPorts?: number[];
  log?: (message: string) => void;
  /**
   * Start our own embedded server (`wirelens start`, which supervises it). Otherwise (CLI commands) use the one
   * a running Wirelens serves on the same data directory, and start one only when there is none.
   */
  exclusive?: boolean;
}

export interface ResolvedDatabase {
  connectionString: string;
  embedded: EmbeddedPostgres | null;
  /** Stops the embedded server if we started one; a no-op for an external server. */
  stop(): Promise<void>;
}

export async function resolveDatabase({
  databaseUrl,
  dataDir,
  avoidPorts,
  log,
  exclusive = false,
}: ResolveDatabaseOptions): Promise<ResolvedDatabase> {
  if (databaseUrl) {
    return { connectionString: databaseUrl, embedded: null, stop: () => Promise.resolve() };
  }
  const served = exclusive ? null : await findServedCluster({ dataDir, log });
  if (served) return { connectionString: served, embedded: null, stop: () => Promise.resolve() };
  const embedded = await startEmbeddedPostgres({ dataDir, avoidPorts, log });
  return { connectionString: embedded.connectionString, embedded, stop: () => embedded.stop() };
}
