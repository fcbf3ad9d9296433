import type { Command } from 'commander';

import { AppError } from '@wirelens/core';
import { applyRetention, type RetentionResult } from '@wirelens/services/articles';

import { loadEnv } from '../../env.js';
import { openDatabase } from '../database.js';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function parseDays(value: string): number {
  const days = Number(value);
  if (!/^\d+$/.test(value.trim()) || days < 1) {
    throw new AppError('INVALID_INPUT', `--days must be a whole number of days, at least 1 (got "${value}")`);
  }
  return days;
}

function describePlan(plan: RetentionResult, days: number): string {
  return `${plan.articles} articles published before ${plan.cutoff.toISOString()} (more than ${days} days ago) have full text: ${megabytes(plan.bytes)} of text and HTML. Their headlines, excerpts, analyses, corrections and series stay.`;
}

export function registerRetention(program: Command): void {
  program
    .command('retention')
    .description(
      'drop the full text and HTML of articles older than WIRELENS_RETENTION_DAYS (prints what it would drop first)',
    )
    .option(
      '--days <n>',
      'keep full text this many days after publication (default: WIRELENS_RETENTION_DAYS)',
    )
    .option('--dry-run', 'only print what would be dropped')
    .action(async (options: { days?: string; dryRun?: boolean }) => {
      const env = loadEnv();
      const days = options.days === undefined ? env.WIRELENS_RETENTION_DAYS : parseDays(options.days);
      if (days === undefined) {
        process.stdout.write(
          'Retention is off (WIRELENS_RETENTION_DAYS is unset and no --days given): keeping everything.\n',
        );
        return;
      }
      const { db, close } = await openDatabase(env);
      try {
        const now = new Date();
        const plan = await applyRetention({ db, days, now, dryRun: true });
        process.stdout.write(`${describePlan(plan, days)}\n`);
        if (options.dryRun || plan.articles === 0) return;
        const done = await applyRetention({ db, days, now });
        process.stdout.write(
          `Dropped the full text of ${done.articles} articles (${megabytes(done.bytes)}).\n`,
        );
      } finally {
        await close();
      }
    });
}
