import type { Command } from 'commander';

import { seedDatabase, type DbClient } from '@wirelens/db';

import { loadEnv, type WorkerEnv } from '../../env.js';
import { logger } from '../../logger.js';
import { openDatabase } from '../database.js';

/** Seeds and prints a generated admin password (the only time it is shown). */
export async function runSeed(db: DbClient, env: WorkerEnv): Promise<void> {
  const result = await seedDatabase({
    db,
    adminEmail: env.WIRELENS_ADMIN_EMAIL,
    adminPassword: env.WIRELENS_ADMIN_PASSWORD,
    log: (message) => logger.info(message),
  });
  if (result.admin) {
    if (result.admin.generatedPassword) {
      process.stdout.write(
        `\nCreated the first admin: ${result.admin.email}\nGenerated password (shown once, change it after logging in): ${result.admin.generatedPassword}\n\n`,
      );
    } else {
      logger.info(
        `created the first admin ${result.admin.email} with the password from WIRELENS_ADMIN_PASSWORD`,
      );
    }
  }
}

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('seed the topic taxonomy, the company registry and the first admin (idempotent)')
    .action(async () => {
      const env = loadEnv();
      const { db, close } = await openDatabase(env);
      try {
        await runSeed(db, env);
      } finally {
        await close();
      }
      process.stdout.write('Seed data is in place.\n');
    });
}
