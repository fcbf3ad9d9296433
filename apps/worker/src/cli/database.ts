import {
  applyMigrations,
  createDbClient,
  dbPaths,
  resolveDatabase,
  type DbClient,
  type ResolvedDatabase,
} from '@wirelens/db';

import type { WorkerEnv } from '../env.js';
import { logger } from '../logger.js';

export interface OpenDatabaseResult {
  database: ResolvedDatabase;
  db: DbClient;
  close: () => Promise<void>;
}

/**
 * Brings up the database (embedded or DATABASE_URL), applies pending migrations and connects. A CLI command uses
 * the embedded server of a Wirelens running on the same data directory; `exclusive` (for `start`) starts its own.
 */
export async function openDatabase(
  env: WorkerEnv,
  { exclusive = false }: { exclusive?: boolean } = {},
): Promise<OpenDatabaseResult> {
  const database = await resolveDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.dataDir,
    avoidPorts: [env.PORT],
    log: (message) => logger.info(message),
    exclusive,
  });
  try {
    const migrated = await applyMigrations({
      connectionString: database.connectionString,
      migrationsDir: dbPaths.migrations,
      log: (message) => logger.info(message),
    });
    for (const name of migrated.unknown) {
      logger.warn(
        `the database has migration ${name}, which this version of Wirelens does not know (newer database?)`,
      );
    }
  } catch (error) {
    await database.stop();
    throw error;
  }
  const db = createDbClient({ connectionString: database.connectionString });
  return {
    database,
    db,
    close: async () => {
      await db.$disconnect();
      await database.stop();
    },
  };
}
