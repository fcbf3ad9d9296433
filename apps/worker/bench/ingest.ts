/**
 * pnpm bench:ingest [--items 50000] — feed ingestion throughput.
 * pnpm bench:ingest --workers 2 [--items 2000] — ingest + analysis through 2 worker processes
 * (as bench:pipeline, the items spread over one feed per 500 so both workers fetch).
 *
 * Parses the real-world fixture feeds (packages/core/test/fixtures/feeds) over and
 * over until --items items have been read, then runs the same work end to end:
 * parse + normalise (canonical URL, sanitised HTML, text, hash) + upsert into
 * PostgreSQL, with every copy's links made unique so each item is a new article.
 * Database: DATABASE_URL, else TEST_DATABASE_URL's server, else an embedded
 * PostgreSQL in a temporary directory. Prints items/s and peak RSS.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { parseFeed, type FeedItem } from '@wirelens/core/feeds';
import { prepareArticle, type ArticleDraft } from '@wirelens/core/ingest';
import { scriptArgs } from '@wirelens/core/testing';
import { createDbClient, upsertArticles } from '@wirelens/db';

import { openBenchDatabase } from './bench-database.js';
import { benchConditions, pipelineTable, runPipelineBench } from './pipeline-run.js';

const { values } = parseArgs({
  args: scriptArgs(),
  options: { items: { type: 'string', default: '50000' }, workers: { type: 'string' } },
});
const target = Number(values.items);

if (values.workers !== undefined) {
  // Ingest + analysis through N real worker processes sharing one queue (one feed per 500 items).
  const workers = Number(values.workers);
  const articles = Number(values.items === '50000' ? 2000 : values.items);
  const result = await runPipelineBench({
    articles,
    workers,
    feeds: Math.max(workers, Math.ceil(articles / 500)),
    label: 'ingest',
  });
  process.stdout.write(`${benchConditions()}\n\n${pipelineTable([result])}\n`);
  process.exit(0);
}
const fixtureDir = path.resolve(import.meta.dirname, '../../../packages/core/test/fixtures/feeds');

function progress(label: string, done: number, total: number, started: number) {
  const rate = done / Math.max(0.001, (performance.now() - started) / 1000);
  process.stderr.write(
    `\r${label}: ${done.toLocaleString()}/${total.toLocaleString()} items (${Math.round(rate).toLocaleString()}/s)   `,
  );
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

const files = await Promise.all(
  (await readdir(fixtureDir))
    .filter((file) => /\.(xml|rss|atom)$/.test(file))
    .sort()
    .map(async (file) => ({ file, body: new Uint8Array(await readFile(path.join(fixtureDir, file))) })),
);

// 1. Parsing alone.
let parsed = 0;
let started = performance.now();
while (parsed < target) {
  for (const { body } of files) {
    parsed += parseFeed({ body }).items.length;
    if (parsed >= target) break;
  }
  progress('parse', Math.min(parsed, target), target, started);
}
const parseSeconds = (performance.now() - started) / 1000;
process.stderr.write('\n');

// 2. End to end into PostgreSQL.
const database = await openBenchDatabase('ingest');
try {
  const db = createDbClient({ connectionString: database.url });
  const source = await db.source.create({ data: { url: `https://bench.invalid/${Date.now()}` } });
  let stored = 0;
  let round = 0;
  started = performance.now();
  while (stored < target) {
    for (const { body } of files) {
      const feed = parseFeed({ body });
      const drafts: ArticleDraft[] = [];
      for (const item of feed.items) {
        // A fresh path per copy makes every item a new article, as in a real stream of news.
        const unique: FeedItem = {
          ...item,
          link: item.link ? `${item.link.replace(/[?#].*$/, '').replace(/\/$/, '')}/copy-${round}` : null,
          guid: item.guid ? `${item.guid}#${round}` : null,
        };
        const prepared = prepareArticle({ item: unique, feedLanguage: feed.language });
        if (prepared.ok) drafts.push(prepared.draft);
      }
      const result = await upsertArticles({ db, sourceId: source.id, drafts });
      stored += result.created.length;
      if (stored >= target) break;
    }
    round += 1;
    progress('end to end', Math.min(stored, target), target, started);
  }
  const e2eSeconds = (performance.now() - started) / 1000;
  process.stderr.write('\n');
  const count = await db.article.count();
  await db.$disconnect();
  const parseRate = Math.round(parsed / parseSeconds);
  const e2eRate = Math.round(stored / e2eSeconds);
  process.stdout.write(
    [
      `fixtures: ${files.length} files, ${files.length > 0 ? 'RSS 2.0 / RSS 1.0 / Atom' : ''}`,
      `parse      items=${parsed} seconds=${parseSeconds.toFixed(2)} items_per_s=${parseRate} (target ≥ 2000)`,
      `end_to_end items=${stored} seconds=${e2eSeconds.toFixed(2)} items_per_s=${e2eRate} (target ≥ 500) articles_in_db=${count}`,
      `peak_rss_mb=${peakRssMb()}`,
      '',
    ].join('\n'),
  );
} finally {
  await database.close();
}
