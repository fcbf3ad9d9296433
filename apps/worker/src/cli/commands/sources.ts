import { readFile } from 'node:fs/promises';

import type { Command } from 'commander';

import { AppError } from '@wirelens/core';
import { DEFAULT_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS } from '@wirelens/core/ingest';
import type { DbClient } from '@wirelens/db';
import {
  addSource,
  deleteSource,
  exportOpml,
  importOpml,
  refreshSource,
  setSourceStatus,
} from '@wirelens/services/sources';

import { ingestConfigOf } from '../../ingest-config.js';
import { CLI_ACTOR, withServices } from '../services.js';

/** `--interval` in minutes (e.g. 15) or with a unit (90s, 15m, 2h). */
export function parseInterval(value: string): number {
  const match = /^(\d+)\s*([smh]?)$/i.exec(value.trim());
  if (!match)
    throw new AppError('INVALID_INPUT', `--interval "${value}" is not a duration like 15, 90s, 15m or 2h`);
  const amount = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  const seconds = unit === 's' ? amount : unit === 'h' ? amount * 3600 : amount * 60;
  if (seconds < MIN_INTERVAL_SECONDS)
    throw new AppError('INVALID_INPUT', `--interval must be at least ${MIN_INTERVAL_SECONDS / 60} minute`);
  return seconds;
}

async function findSource(db: DbClient, ref: string) {
  const source = /^\d+$/.test(ref)
    ? await db.source.findUnique({ where: { id: Number(ref) } })
    : await db.source.findUnique({ where: { url: ref } });
  if (!source) throw new AppError('NOT_FOUND', `no source ${ref}`);
  return source;
}

function ago(date: Date | null): string {
  if (!date) return 'never';
  const minutes = Math.round((Date.now() - date.getTime()) / 60_000);
  if (Math.abs(minutes) < 90) return minutes >= 0 ? `${minutes} min ago` : `in ${-minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours >= 0 ? `${hours} h ago` : `in ${-hours} h`;
}

export function registerSources(program: Command): void {
  const sources = program.command('sources').description('manage feed sources');

  sources
    .command('add')
    .argument('<url>', 'feed URL (RSS, Atom, RDF or JSON Feed)')
    .option(
      '--interval <duration>',
      'polling interval: minutes, or 90s / 15m / 2h',
      String(DEFAULT_INTERVAL_SECONDS / 60),
    )
    .option('--title <title>', 'display title (default: the feed title)')
    .description('add a source and queue its first fetch')
    .action(async (value: string, options: { interval: string; title?: string }) => {
      const intervalSeconds = parseInterval(options.interval);
      const { sourceId, url } = await withServices(({ env, db, jobs }) =>
        addSource({
          db,
          jobs,
          actor: CLI_ACTOR,
          allowHosts: env.FETCH_ALLOW_HOSTS,
          input: { url: value, intervalSeconds, title: options.title ?? null },
        }),
      );
      process.stdout.write(`Added source ${sourceId}: ${url} (every ${intervalSeconds / 60} min)\n`);
    });

  sources
    .command('list')
    .option('--json', 'print JSON')
    .description('list sources with their fetch health')
    .action(async (options: { json?: boolean }) => {
      const rows = await withServices(
        ({ db }) =>
          db.source.findMany({ orderBy: { id: 'asc' }, include: { _count: { select: { articles: true } } } }),
        { queue: false },
      );
      if (options.json) {
        process.stdout.write(
          `${JSON.stringify(
            rows.map(({ _count, ...row }) => ({ ...row, articles: _count.articles })),
            null,
            2,
          )}\n`,
        );
        return;
      }
      for (const row of rows) {
        const health =
          row.consecutiveFailures > 0 ? `FAILING ×${row.consecutiveFailures}: ${row.lastError ?? ''}` : 'ok';
        process.stdout.write(
          `${String(row.id).padStart(4)}  ${row.status.padEnd(6)}  ${row.title ?? row.url}\n      ${row.url}\n      ${row._count.articles} articles · last success ${ago(row.lastSuccessAt)} · next ${ago(row.nextAttemptAt)} · ${health}\n`,
        );
      }
      if (rows.length === 0)
        process.stdout.write('No sources yet: add one with `pnpm wirelens sources add <url>`.\n');
    });

  for (const [name, status, verb] of [
    ['pause', 'PAUSED', 'Paused'],
    ['resume', 'ACTIVE', 'Resumed'],
  ] as const) {
    sources
      .command(name)
      .argument('<source>', 'source id or URL')
      .description(name === 'pause' ? 'stop polling a source' : 'poll a paused source again (now)')
      .action(async (ref: string) => {
        const source = await withServices(
          async ({ db }) => {
            const found = await findSource(db, ref);
            await setSourceStatus({ db, actor: CLI_ACTOR, sourceId: found.id, status });
            return found;
          },
          { queue: false },
        );
        process.stdout.write(`${verb} source ${source.id}: ${source.url}\n`);
      });
  }

  sources
    .command('refresh')
    .argument('<source>', 'source id or URL')
    .description('fetch a source now, here, whatever its schedule or status, and print what it brought')
    .action(async (ref: string) => {
      const { source, outcome } = await withServices(async ({ env, db, jobs }) => {
        const found = await findSource(db, ref);
        const result = await refreshSource({
          db,
          jobs,
          config: ingestConfigOf(env),
          sourceId: found.id,
          force: true,
        });
        return { source: found, outcome: result };
      });
      if (outcome.status === 'failed') {
        throw new AppError(
          'FETCH_FAILED',
          `source ${source.id} (${source.url}) failed: ${outcome.error ?? 'unknown error'}`,
        );
      }
      process.stdout.write(
        outcome.status === 'not-modified'
          ? `Source ${source.id}: not modified since the last fetch\n`
          : `Source ${source.id}: ${outcome.itemsNew} new, ${outcome.itemsUpdated} updated, ${outcome.itemsUnchanged} unchanged, ${outcome.itemsSkipped} skipped\n`,
      );
    });

  sources
    .command('remove')
    .argument('<source>', 'source id or URL')
    .description('delete a source and its articles')
    .action(async (ref: string) => {
      const source = await withServices(
        async ({ db }) => {
          const found = await findSource(db, ref);
          await deleteSource({ db, actor: CLI_ACTOR, sourceId: found.id });
          return found;
        },
        { queue: false },
      );
      process.stdout.write(`Removed source ${source.id}: ${source.url}\n`);
    });

  sources
    .command('import')
    .argument('<file>', 'OPML file')
    .option('--json', 'print the added sources and the skipped outlines as JSON')
    .description('add every feed of an OPML file and queue their first fetches (known URLs are skipped)')
    .action(async (file: string, options: { json?: boolean }) => {
      const opml = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new AppError('INVALID_INPUT', `cannot read ${file}: ${error.code ?? error.message}`);
      });
      const { result, added } = await withServices(async ({ env, db, jobs }) => {
        const imported = await importOpml({
          db,
          jobs,
          actor: CLI_ACTOR,
          allowHosts: env.FETCH_ALLOW_HOSTS,
          opml,
        });
        const rows = await db.source.findMany({
          where: { id: { in: imported.added } },
          select: { id: true, url: true, title: true },
          orderBy: { id: 'asc' },
        });
        return { result: imported, added: rows };
      });
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ added, skipped: result.skipped }, null, 2)}\n`);
        return;
      }
      const refused = result.skipped.filter((s) => s.reason !== 'already added');
      process.stdout.write(
        `Imported ${added.length} source(s); ${result.skipped.length - refused.length} already present; ${refused.length} refused.\n`,
      );
      for (const { url, reason } of refused)
        process.stdout.write(`  refused ${url || '(no URL)'}: ${reason}\n`);
    });

  sources
    .command('export')
    .description('print every source as OPML 2.0')
    .action(async () => {
      process.stdout.write(
        await withServices(({ db }) => exportOpml({ db, actor: CLI_ACTOR }), { queue: false }),
      );
    });
}
