import { readFileSync } from 'node:fs';
import { createBuiltinAnalyzer } from '../src/analysis/index.js';
import { readPhrasebank } from './fixture-files.js';
const raw = JSON.parse(readFileSync('../db/prisma/seed-data/companies.json', 'utf8')) as any[];
const registry = raw.map((e) => ({ ...e, id: e.id ?? e.slug }));
const analyzer = createBuiltinAnalyzer({ registry });
const F = '/work/shared/fixtures/sentiment/';
const titles = [
  ...readPhrasebank(F + 'phrasebank-50agree.txt').map((r: any) => r.sentence),
  ...(JSON.parse(readFileSync(F + 'semeval2017-headlines-train.json', 'utf8')) as any[]).map((i: any) => i.title),
];
for (const title of titles) {
  const r: any = analyzer.analyzeSync({ title, text: '' });
  console.log([r.sentiment.score.toFixed(3), r.topics.map((t: any) => `${t.slug}:${t.relevance}`).join(' '), r.importance?.factors?.eventType ?? "-", title].join('\t'));
}
