import { readFileSync } from 'node:fs';
import { parseCsv, inSplit } from './fixture-files.js';
const re = new RegExp(process.argv[2], 'gi');
const rows = parseCsv(readFileSync('/work/shared/fixtures/topics/reuters21578-train.csv', 'utf8'));
for (const row of rows) {
  const key = `${row.title ?? ''}\n${row.body ?? ''}`;
  if (!inSplit(key, 'dev')) continue;
  const text = `${row.title} . ${row.body}`.replace(/\s+/g, ' ');
  for (const m of text.matchAll(re)) console.log(`[${row.topics}] ${text.slice(Math.max(0, m.index! - 60), m.index! + 60)}`);
}
