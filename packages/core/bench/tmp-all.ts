import { readFileSync } from 'node:fs';
import { createBuiltinAnalyzer } from '../src/analysis/index.js';
import { parseCsv, inSplit } from './fixture-files.js';
const raw = JSON.parse(readFileSync('../db/prisma/seed-data/companies.json', 'utf8')) as any[];
const registry = raw.map((e) => ({ ...e, id: e.id ?? e.slug }));
const analyzer = createBuiltinAnalyzer({ registry });
const rows = parseCsv(readFileSync('/work/shared/fixtures/topics/reuters21578-train.csv', 'utf8')).filter((r) => (r.title ?? '') + (r.body ?? '') !== '');
const only = process.env.SPLIT ?? 'dev';
rows.forEach((row, i) => {
  const key = `${row.title ?? ''}\n${row.body ?? ''}`;
  const split = inSplit(key, 'dev') ? 'D' : 'H';
  if (only !== 'all' && (only === 'dev') !== (split === 'D')) return;
  const title = (row.title ?? '').trim();
  const text = `${(row.dateline ?? '').trim()} ${row.body ?? ''}`.trim();
  const r = analyzer.analyzeSync({ title: title || text.slice(0, 80), text });
  const topics = r.topics.map((t: any) => `${t.slug}:${t.relevance.toFixed(2)}`).join(' ');
  console.log([i, split, row.topics, title, topics, r.importance?.factors?.eventType ?? '-', r.sentiment?.score?.toFixed?.(2) ?? '', r.importance?.score ?? ""].join('\t'));
});
