import { readFileSync, readdirSync } from 'node:fs';
import { createBuiltinAnalyzer } from '../src/analysis/index.js';
import { parseFeed } from '../src/feeds/index.js';
const raw = JSON.parse(readFileSync('../db/prisma/seed-data/companies.json', 'utf8')) as any[];
const registry = raw.map((e) => ({ ...e, id: e.id ?? e.slug }));
const analyzer = createBuiltinAnalyzer({ registry });
const dir = '/work/shared/fixtures/feeds/';
for (const f of readdirSync(dir).sort()) {
  let feed;
  try { feed = parseFeed({ body: new Uint8Array(readFileSync(dir + f)) }); } catch { continue; }
  for (const item of feed.items) {
    const r: any = analyzer.analyzeSync({ title: item.title ?? '', text: item.summaryText ?? '' });
    console.log([f, item.title, r.topics.map((t: any) => t.slug).join(' '), r.importance?.factors?.eventType ?? "-", r.sentiment.score.toFixed(2)].join('\t'));
  }
}
