import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { demoContentSchema, demoFeedPath, type DemoContent } from '@wirelens/core/demo';

import type { DbClient } from '../client.js';
import { dbPaths } from '../paths.js';

/** The bundled demo articles (fictional, labelled as such) that Wirelens serves to itself. */
export async function readDemoContent(
  file = path.join(dbPaths.seedData, 'demo-articles.json'),
): Promise<DemoContent> {
  return demoContentSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}

/** A few real public business and tech feeds; offline they simply fail and back off. */
export const DEFAULT_PUBLIC_FEEDS = [
  { url: 'https://feeds.bbci.co.uk/news/business/rss.xml', title: 'BBC News – Business' },
  { url: 'https://feeds.npr.org/1006/rss.xml', title: 'NPR – Business' },
  { url: 'https://www.theverge.com/rss/index.xml', title: 'The Verge' },
] as const;

const SEEDED_KEY = 'seed.sources';

export interface SeedSourcesOptions {
  db: DbClient;
  /** Where this Wirelens serves its demo feeds, e.g. http://127.0.0.1:4000. */
  origin: string;
  content?: DemoContent;
  /** Also add DEFAULT_PUBLIC_FEEDS on the first run. */
  includePublicFeeds?: boolean;
}

/**
 * First run: adds the demo sources (and the default public feeds). Every run:
 * points existing demo sources at the current origin, since the port can change
 * between starts. Sources an admin removed are not brought back.
 */
export async function seedSources({
  db,
  origin,
  content,
  includePublicFeeds = true,
}: SeedSourcesOptions): Promise<{ created: number; moved: number }> {
  const demo = content ?? (await readDemoContent());
  const base = origin.replace(/\/+$/, '');
  let moved = 0;
  for (const source of await db.source.findMany({
    where: { isDemo: true },
    select: { id: true, url: true },
  })) {
    const pathname = new URL(source.url).pathname;
    const wanted = `${base}${pathname}`;
    if (wanted !== source.url && !(await db.source.findUnique({ where: { url: wanted } }))) {
      await db.source.update({
        where: { id: source.id },
        data: { url: wanted, nextAttemptAt: new Date(), etag: null, lastModified: null },
      });
      moved += 1;
    }
  }
  if (await db.instanceSetting.findUnique({ where: { key: SEEDED_KEY } })) return { created: 0, moved };

  const wanted = [
    ...demo.sources.map((source) => ({
      url: `${base}${demoFeedPath(source.key)}`,
      title: source.title,
      description: source.description,
      language: source.language,
      isDemo: true,
      intervalSeconds: 300,
    })),
    ...(includePublicFeeds
      ? DEFAULT_PUBLIC_FEEDS.map((feed) => ({ url: feed.url, title: feed.title, isDemo: false }))
      : []),
  ];
  const created = await db.source.createMany({ data: wanted, skipDuplicates: true });
  await db.instanceSetting.create({
    data: { key: SEEDED_KEY, value: { at: new Date().toISOString(), sources: created.count } },
  });
  await db.auditEntry.create({
    data: {
      action: 'source.seed',
      entityType: 'Source',
      after: { created: created.count, urls: wanted.map((w) => w.url) },
    },
  });
  return { created: created.count, moved };
}
