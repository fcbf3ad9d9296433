import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded/embedded-postgres.js';

export interface ResolveDatabaseOptions {
  /** `DATABASE_URL`; when unset, the embedded default starts. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Ports the embedded server must not take (the web server's). */
  avoidPorts?: number[];
  log?: (message: string) => void;
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
}: ResolveDatabaseOptions): Promise<ResolvedDatabase> {
  if (databaseUrl) {
    return { connectionString: databaseUrl, embedded: null, stop: () => Promise.resolve() };
  }
  const embedded = await startEmbeddedPostgres({ dataDir, avoidPorts, log });
  return { connectionString: embedded.connectionString, embedded, stop: () => embedded.stop() };
}
