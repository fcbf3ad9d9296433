/**
 * Sentiment quality benchmark on labeled public data (measuring only; nothing
 * here feeds the product).
 *
 *   pnpm --filter @wirelens/core bench:quality -- --phrasebank FILE [--phrasebank FILE2] --semeval FILE
 *
 * Financial PhraseBank: `sentence@label` lines (latin-1 or UTF-8); Bearish and
 * Somewhat-Bearish count as negative, Neutral as neutral, the Bullish labels as
 * positive. SemEval-2017 Task 5 headlines: the per-company score for the
 * target company (the article score if the company is not found) against the
 * gold score, as cosine similarity and Pearson correlation.
 */
import { readFileSync } from 'node:fs';
import path, { basename } from 'node:path';
import { parseArgs } from 'node:util';

import {
  createBuiltinAnalyzer,
  type CompanyRegistryEntry,
  type SentimentLabel,
} from '../src/analysis/index.js';

type Polarity = 'negative' | 'neutral' | 'positive';
const POLARITIES: readonly Polarity[] = ['negative', 'neutral', 'positive'];

function polarityOf(label: SentimentLabel): Polarity {
  if (label === 'Bearish' || label === 'Somewhat-Bearish') return 'negative';
  if (label === 'Neutral') return 'neutral';
  return 'positive';
}

function readText(file: string): string {
  // pnpm runs the script inside packages/core; paths are meant from where the user typed them.
  const bytes = readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), file));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

function progress(label: string, done: number, total: number): void {
  if (done % 250 === 0 || done === total) process.stderr.write(`\r${label} ${done}/${total}`);
  if (done === total) process.stderr.write('\n');
}

function runPhrasebank(file: string): void {
  const analyzer = createBuiltinAnalyzer({ registry: [] });
  const rows = readText(file)
    .split(/\r?\n/)
    .map((line) => {
      const at = line.lastIndexOf('@');
      return { sentence: line.slice(0, at).trim(), gold: line.slice(at + 1).trim() as Polarity };
    })
    .filter((row) => row.sentence.length > 0 && POLARITIES.includes(row.gold));

  const confusion = new Map<string, number>();
  let correct = 0;
  rows.forEach((row, i) => {
    const result = analyzer.analyzeSync({ title: row.sentence, text: '' });
    const predicted = polarityOf(result.sentiment.label);
    if (predicted === row.gold) correct++;
    const key = `${row.gold}>${predicted}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
    progress(basename(file), i + 1, rows.length);
  });

  let f1Sum = 0;
  for (const p of POLARITIES) {
    const tp = confusion.get(`${p}>${p}`) ?? 0;
    const predictedP = POLARITIES.reduce((sum, g) => sum + (confusion.get(`${g}>${p}`) ?? 0), 0);
    const goldP = POLARITIES.reduce((sum, q) => sum + (confusion.get(`${p}>${q}`) ?? 0), 0);
    const precision = predictedP > 0 ? tp / predictedP : 0;
    const recall = goldP > 0 ? tp / goldP : 0;
    f1Sum += precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  }
  const accuracy = correct / Math.max(1, rows.length);
  console.log(`\n${basename(file)} — confusion (rows gold, columns predicted)`);
  console.log(['gold\\pred', ...POLARITIES].map((c) => c.padStart(10)).join(''));
  for (const g of POLARITIES)
    console.log(
      [g, ...POLARITIES.map((p) => String(confusion.get(`${g}>${p}`) ?? 0))]
        .map((c) => c.padStart(10))
        .join(''),
    );
  console.log(
    `phrasebank accuracy=${accuracy.toFixed(4)} macro_f1=${(f1Sum / 3).toFixed(4)} n=${rows.length}`,
  );
}

interface SemevalItem {
  title: string;
  company: string;
  sentiment: number;
}

function runSemeval(file: string): void {
  const items = (JSON.parse(readText(file)) as unknown[]).filter(
    (x): x is SemevalItem =>
      typeof x === 'object' &&
      x !== null &&
      typeof (x as SemevalItem).title === 'string' &&
      typeof (x as SemevalItem).company === 'string' &&
      typeof (x as SemevalItem).sentiment === 'number',
  );
  // The target company is part of each test item, so the benchmark registry is made of the targets.
  const names = [...new Set(items.map((item) => item.company))].sort();
  const registry: CompanyRegistryEntry[] = names.map((name, i) => ({
    id: `c${i}`,
    slug: `c${i}`,
    name,
    aliases: [],
    tickers: [],
  }));
  const idByName = new Map(registry.map((entry) => [entry.name, entry.id]));
  const analyzer = createBuiltinAnalyzer({ registry });

  const predicted: number[] = [];
  const gold: number[] = [];
  let found = 0;
  items.forEach((item, i) => {
    const result = analyzer.analyzeSync({ title: item.title, text: '' });
    const mention = result.companies.find((c) => c.companyId === idByName.get(item.company));
    if (mention) found++;
    predicted.push(mention ? mention.sentimentScore : result.sentiment.score);
    gold.push(item.sentiment);
    progress(basename(file), i + 1, items.length);
  });
  const dot = predicted.reduce((sum, p, i) => sum + p * (gold[i] ?? 0), 0);
  const norm = (v: number[]) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
  const cosine = dot / Math.max(1e-12, norm(predicted) * norm(gold));
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
  const mp = mean(predicted);
  const mg = mean(gold);
  let cov = 0;
  let vp = 0;
  let vg = 0;
  predicted.forEach((p, i) => {
    const g = gold[i] ?? 0;
    cov += (p - mp) * (g - mg);
    vp += (p - mp) ** 2;
    vg += (g - mg) ** 2;
  });
  const pearson = cov / Math.max(1e-12, Math.sqrt(vp * vg));
  console.log(`\n${basename(file)} — target company found in ${found}/${items.length} headlines`);
  console.log(`semeval cosine=${cosine.toFixed(4)} pearson=${pearson.toFixed(4)} n=${items.length}`);
}

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { phrasebank: { type: 'string', multiple: true }, semeval: { type: 'string', multiple: true } },
});
for (const file of values.phrasebank ?? []) runPhrasebank(file);
for (const file of values.semeval ?? []) runSemeval(file);
if (!values.phrasebank?.length && !values.semeval?.length) {
  console.error('usage: bench:quality -- --phrasebank FILE [--phrasebank FILE] --semeval FILE');
  process.exitCode = 1;
}
