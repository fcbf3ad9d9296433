import type { Command } from 'commander';

import { resanitizeArticles } from '@wirelens/services/articles';

import { loadEnv } from '../../env.js';
import { openDatabase } from '../database.js';

export function registerResanitize(program: Command): void {
  program
    .command('resanitize')
    .description(
      're-run the current HTML sanitiser over article HTML stored by an older one (a starting worker also does this in the background)',
    )
    .option('--dry-run', 'count the articles whose HTML would change, without writing')
    .action(async (options: { dryRun?: boolean }) => {
      const dryRun = options.dryRun === true;
      const { db, close } = await openDatabase(loadEnv());
      try {
        const result = await resanitizeArticles({
          db,
          dryRun,
          via: 'cli',
          onProgress: ({ scanned, changed, total }) =>
            process.stdout.write(
              `${scanned}/${total} articles checked, ${changed} ${dryRun ? 'would change' : 'changed'}\n`,
            ),
        });
        process.stdout.write(
          result.total === 0
            ? `All stored article HTML is from the current sanitiser (version ${result.sanitizerVersion}).\n`
            : `${dryRun ? 'Dry run: ' : ''}${result.scanned} article(s) stored by an older sanitiser, ${result.changed} ${dryRun ? 'would change' : 'changed'} (sanitiser version ${result.sanitizerVersion}).\n`,
        );
      } finally {
        await close();
      }
    });
}
