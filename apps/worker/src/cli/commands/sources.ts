import { readFile } from 'node:fs/promises';

import type { Command } from 'commander';

import { AppError } from '@wirelens/core';
import { DEFAULT_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS } from '@wirelens/core/ingest';
import { buildOpml, parseOpml } from '@wirelens/core/opml';
import { feedUrlProblem } from '@wirelens/core/urls';
import type { DbClient } from '@wirelens/db';
import { addSource, deleteSource, updateSource } from '@wirelens/db/repositories';

import { loadEnv } from '../../env.js';
import { openDatabase } from '../database.js';

const cli = { userId: null, requestId: 'cli' };

/** Refuses what can never be fetched; the worker re-checks every address after DNS. */
export function checkFeedUrl(value: string, allowHosts: readonly string[]): string {
  const problem = feedUrlProblem(value, { allowHosts });
  if (problem) {
    const code = problem.includes('point at') ? 'BLOCKED_URL' : 'INVALID_INPUT';
    throw new AppError(
      code,
      `the feed URL ${problem}${code === 'BLOCKED_URL' ? ' (allow it with FETCH_ALLOW_HOSTS)' : ''}`,
    );
  }
  return new URL(value.trim()).href;
}

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

async function withDb<T>(work: (db: DbClient) => Promise<T>): Promise<T> {
  const { db, close } = await openDatabase(loadEnv());
  try {
    return await work(db);
  } finally {
    await close();
  }
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
    .description('add a source; it is fetched on the next poll')
    .action(async (value: string, options: { interval: string; title?: string }) => {
      const url = checkFeedUrl(value, loadEnv().FETCH_ALLOW_HOSTS);
      const intervalSeconds = parseInterval(options.interval);
      const id = await withDb((db) =>
        addSource({ db, actor: cli, input: { url, intervalSeconds, title: options.title ?? null } }),
      );
      process.stdout.write(`Added source ${id}: ${url} (every ${intervalSeconds / 60} min)\n`);
    });

  sources
    .command('list')
    .option('--json', 'print JSON')
    .description('list sources with their fetch health')
    .action(async (options: { json?: boolean }) => {
      const rows = await withDb((db) =>
        db.source.findMany({ orderBy: { id: 'asc' }, include: { _count: { select: { articles: true } } } }),
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
        const source = await withDb(async (db) => {
          const found = await findSource(db, ref);
          await updateSource({ db, actor: cli, sourceId: found.id, patch: { status } });
          return found;
        });
        process.stdout.write(`${verb} source ${source.id}: ${source.url}\n`);
      });
  }

  sources
    .command('remove')
    .argument('<source>', 'source id or URL')
    .description('delete a source and its articles')
    .action(async (ref: string) => {
      const source = await withDb(async (db) => {
        const found = await findSource(db, ref);
        await deleteSource({ db, actor: cli, sourceId: found.id });
        return found;
      });
      process.stdout.write(`Removed source ${source.id}: ${source.url}\n`);
    });

  sources
    .command('import')
    .argument('<file>', 'OPML file')
    .description('add every feed of an OPML file (existing URLs are skipped)')
    .action(async (file: string) => {
      const xml = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new AppError('INVALID_INPUT', `cannot read ${file}: ${error.code ?? error.message}`);
      });
      const document = parseOpml(xml);
      const allowHosts = loadEnv().FETCH_ALLOW_HOSTS;
      const summary = await withDb(async (db) => {
        let added = 0;
        let existing = 0;
        const invalid: string[] = [];
        for (const outline of document.outlines) {
          let url: string;
          try {
            url = checkFeedUrl(outline.xmlUrl, allowHosts);
          } catch (error) {
            invalid.push(`${outline.xmlUrl}: ${error instanceof Error ? error.message : String(error)}`);
            continue;
          }
          if (await db.source.findUnique({ where: { url } })) {
            existing += 1;
            continue;
          }
          await addSource({ db, actor: cli, input: { url, title: outline.title ?? outline.text ?? null } });
          added += 1;
        }
        return { added, existing, invalid };
      });
      process.stdout.write(
        `Imported ${summary.added} source(s); ${summary.existing} already present; ${summary.invalid.length} refused.\n`,
      );
      for (const line of summary.invalid) process.stdout.write(`  refused ${line}\n`);
    });

  sources
    .command('export')
    .description('print every source as OPML 2.0')
    .action(async () => {
      const rows = await withDb((db) => db.source.findMany({ orderBy: { id: 'asc' } }));
      process.stdout.write(
        buildOpml({
          title: 'Wirelens sources',
          sources: rows.map((row) => ({ xmlUrl: row.url, htmlUrl: row.siteUrl, title: row.title })),
        }),
      );
    });
}
