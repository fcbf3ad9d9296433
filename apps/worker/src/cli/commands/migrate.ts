import type { Command } from 'commander';

import { countStaleArticles } from '@wirelens/services/articles';

import { loadEnv } from '../../env.js';
import { openDatabase } from '../database.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (embedded database when DATABASE_URL is unset)')
    .action(async () => {
      const { db, close } = await openDatabase(loadEnv());
      try {
        const stale = await countStaleArticles({ db });
        process.stdout.write('Database schema is up to date.\n');
        if (stale > 0) {
          process.stdout.write(
            `${stale} article(s) hold HTML stored by an older sanitiser: the worker re-sanitises them in the background when it starts (or run \`wirelens resanitize\`).\n`,
          );
        }
      } finally {
        await close();
      }
    });
}
