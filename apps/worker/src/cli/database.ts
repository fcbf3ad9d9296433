import {
  applyMigrations,
  createDbClient,
  dbPaths,
  resolveDatabase,
  type DbClient,
  type ResolvedDatabase,
} from '@wirelens/db';
import { resanitizeArticles } from '@wirelens/services/articles';

import type { WorkerEnv } from '../env.js';
import { logger } from '../logger.js';

export interface OpenDatabaseResult {
  database: ResolvedDatabase;
  db: DbClient;
  close: () => Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Re-sanitise article HTML stored by an older sanitiser (default true; `wirelens resanitize` does its own). */
  resanitize?: boolean;
}

/**
 * Brings up the database (embedded or DATABASE_URL), applies pending migrations, connects, and brings
 * stored article HTML up to the current sanitiser, so a sanitiser fix reaches old rows on the next start.
 */
export async function openDatabase(
  env: WorkerEnv,
  { resanitize = true }: OpenDatabaseOptions = {},
): Promise<OpenDatabaseResult> {
  const database = await resolveDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.dataDir,
    avoidPorts: [env.PORT],
    log: (message) => logger.info(message),
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
  const close = async () => {
    await db.$disconnect();
    await database.stop();
  };
  try {
    if (resanitize) {
      const result = await resanitizeArticles({
        db,
        via: 'start',
        onProgress: ({ scanned, total }) =>
          logger.info(`re-sanitising stored article HTML: ${scanned}/${total}`),
      });
      if (result.total > 0)
        logger.info(
          `re-sanitised ${result.scanned} article(s) stored by an older HTML sanitiser: ${result.changed} changed (now version ${result.sanitizerVersion})`,
        );
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { database, db, close };
}
