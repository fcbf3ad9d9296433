import { readFileSync } from 'node:fs';
import { createBuiltinAnalyzer } from '../src/analysis/index.js';
const raw = JSON.parse(readFileSync('../db/prisma/seed-data/companies.json', 'utf8')) as any[];
const registry = raw.map((e) => ({ ...e, id: e.id ?? e.slug }));
const analyzer = createBuiltinAnalyzer({ registry });
const lines = readFileSync(0, 'utf8').split('\n').filter((l) => l.trim());
for (const line of lines) {
  const [title, text] = line.split(' || ');
  const r: any = analyzer.analyzeSync({ title: title.trim(), text: (text ?? '').trim() });
  console.log(`${r.sentiment.score.toFixed(2)}\t${r.topics.map((t: any) => `${t.slug}:${t.relevance.toFixed(2)}`).join(' ')}\t${r.importance?.factors?.eventType ?? "-"}\t${r.companies.map((c: any) => c.name).join(',')}\t${title}`);
  if (process.env.FULL) console.log(JSON.stringify(r, null, 1));
}
