import path from 'node:path';
import { performance } from 'node:perf_hooks';

import type { Command } from 'commander';

import { dbPaths, readMigrations } from '@wirelens/db';
import { backupDatabase, formatCounts, restoreDatabase, type BackupManifest } from '@wirelens/db/backup';

import { loadEnv, type WorkerEnv } from '../../env.js';
import { logger } from '../../logger.js';

/** pnpm runs the CLI inside apps/worker; a relative FILE means where the user ran pnpm. */
function userPath(env: WorkerEnv, file: string): string {
  return path.resolve(env.INIT_CWD ?? process.cwd(), file);
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

function describe(manifest: BackupManifest): string {
  const kind =
    manifest.kind === 'physical'
      ? `embedded PostgreSQL ${manifest.postgres.version}, WAL ${manifest.startLsn} → ${manifest.stopLsn}`
      : `pg_dump of PostgreSQL ${manifest.postgres.version}`;
  const latest = manifest.migrations.at(-1);
  return `${kind}, ${manifest.migrations.length} migrations${latest ? ` (latest ${latest})` : ''}`;
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(
      'write a backup of the database to a .tar.gz file, consistent while Wirelens runs (embedded: online copy of the cluster and its WAL; DATABASE_URL: pg_dump)',
    )
    .argument('<file>', 'archive to write, e.g. wirelens-backup.tar.gz')
    .action(async (file: string) => {
      const env = loadEnv();
      const started = performance.now();
      const result = await backupDatabase({
        databaseUrl: env.DATABASE_URL,
        dataDir: env.dataDir,
        file: userPath(env, file),
        log: (message) => logger.info(message),
      });
      process.stdout.write(
        `Backup written to ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB in ${seconds(started)}): ${describe(result.manifest)}.\n`,
      );
    });

  program
    .command('restore')
    .description(
      'restore a backup made by `wirelens backup` (embedded: into WIRELENS_DATA_DIR, with Wirelens stopped; DATABASE_URL: pg_restore into that database)',
    )
    .argument('<file>', 'archive written by `wirelens backup`')
    .option(
      '--force',
      'replace the database that is there (embedded: kept aside until the restored one starts)',
    )
    .action(async (file: string, options: { force?: boolean }) => {
      const env = loadEnv();
      const started = performance.now();
      const { manifest, counts } = await restoreDatabase({
        databaseUrl: env.DATABASE_URL,
        dataDir: env.dataDir,
        file: userPath(env, file),
        force: options.force ?? false,
        log: (message) => logger.info(message),
      });
      const target = env.DATABASE_URL ? 'the DATABASE_URL database' : path.join(env.dataDir, 'pg');
      process.stdout.write(
        `Restored the backup of ${manifest.createdAt} (${describe(manifest)}) into ${target} in ${seconds(started)}.\nIt holds ${formatCounts(counts)}.\n`,
      );
      const pending = (await readMigrations(dbPaths.migrations))
        .map((migration) => migration.name)
        .filter((name) => !manifest.migrations.includes(name));
      if (pending.length > 0) {
        process.stdout.write(
          `The backup predates ${pending.length} migrations of this version; the next \`pnpm wirelens start\` (or \`migrate\`) applies them.\n`,
        );
      }
    });
}
