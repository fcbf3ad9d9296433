import type { Command } from 'commander';

import { loadEnv } from '../../env.js';
import { openDatabase } from '../database.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (embedded database when DATABASE_URL is unset)')
    .action(async () => {
      const { close } = await openDatabase(loadEnv());
      await close();
      process.stdout.write('Database schema is up to date.\n');
    });
}
