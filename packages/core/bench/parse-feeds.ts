import { readdirSync, readFileSync } from 'node:fs';

import { parseFeed } from '../src/feeds/index.js';

const fixtureDir = new URL('../test/fixtures/feeds/', import.meta.url);

export interface FixtureParseResult {
  file: string;
  bytes: number;
  items: number;
  durationMs: number;
}

/** Parses every feed fixture once (files read up front, so only parsing is timed). */
export function parseAllFixtures(): FixtureParseResult[] {
  const files = readdirSync(fixtureDir)
    .filter((file) => /\.(?:xml|rss|atom|json)$/.test(file))
    .sort()
    .map((file) => ({ file, body: readFileSync(new URL(file, fixtureDir)) }));
  return files.map(({ file, body }) => {
    const started = performance.now();
    const feed = parseFeed({ body });
    return {
      file,
      bytes: body.byteLength,
      items: feed.items.length,
      durationMs: performance.now() - started,
    };
  });
}
