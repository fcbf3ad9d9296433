/**
 * Quality benchmark of the built-in analyzer on labeled public data
 * (measuring only; nothing here feeds the product).
 *
 *   pnpm bench:quality -- [--split dev|heldout|all] --phrasebank FILE… --semeval FILE… --reuters FILE [--show-errors]
 *     [--learn-from FILE… [--learn-split dev|heldout|all]]
 *
 * `--learn-from` (PhraseBank or SemEval files, repeat the flag per file) stores one half
 * (`--learn-split`, default dev) of those examples as editor corrections in a scratch
 * database on TEST_DATABASE_URL, trains a model with the learn use case (learn-from-corrections.ts),
 * prints the model's own cross-validated figures (`learned cv …`) and then every
 * PhraseBank/SemEval line again with the model on top (`learned phrasebank …`).
 *
 * Financial PhraseBank: `sentence@label` lines (latin-1 or UTF-8); Bearish and
 * Somewhat-Bearish count as negative, Neutral as neutral, the Bullish labels as
 * positive. SemEval-2017 Task 5 headlines (training files carry `sentiment`,
 * test files `"sentiment score"`): the per-company score for the target
 * company (the article score if the company is not found) against the gold
 * score, as cosine similarity and Pearson correlation. Reuters-21578 (CSV with
 * `topics`, `title`, `dateline`, `body`): topic recall and precision per
 * mapped code (reuters-topics.ts), over the stories that carry topic codes.
 * Every run ends with an event line: of the analyst-rating headlines among
 * the inputs, how many got an analyst-rating event and how many (wrongly) a
 * merger event.
 *
 * `--split` picks the development half (tune on it), the held-out half (check
 * it rarely) or both; the half is fixed by a hash of each example's text.
 * `--show-errors` lists, under each Reuters line, the missed and the wrongly
 * given stories (title, Reuters codes, topics given), to find what rules miss.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import {
  createBuiltinAnalyzer,
  type BuiltinAnalyzer,
  type CompanyRegistryEntry,
  type SentimentLabel,
} from '../src/analysis/index.js';
import { createLearnedAnalyzer } from '../src/learning/index.js';
import { scriptArgs } from '../src/testing/index.js';
import {
  BenchInputError,
  inSplit,
  parseCsv,
  PHRASEBANK_SCORE,
  POLARITIES,
  readPhrasebank,
  readText,
  requireExamples,
  SPLITS,
  type Polarity,
  type Split,
} from './fixture-files.js';
import { learnFromCorrections, type LabelledExample } from './learn-from-corrections.js';
import { codesOf, REPORTED_CODES } from './reuters-topics.js';
import { idsByName, semevalCompanies } from './semeval-companies.js';

const SEED_REGISTRY = fileURLToPath(new URL('../../db/prisma/seed-data/companies.json', import.meta.url));

/** Headlines that announce an analyst's rating or price target (for the event line). */
const RATING_HEADLINE_RE =
  /\b(?:upgrade[sd]?|downgrade[sd]?|price target|target price|initiat(?:es|ed|ing) (?:coverage|at)|reiterat(?:es|ed)|maintain(?:s|ed) (?:buy|sell|hold|neutral|outperform|underperform|overweight|underweight|equal[- ]weight|market perform))\b/i;

const ratingEvents = { headlines: 0, merger: 0, rating: 0 };
/**
 * The headline is analysed alone: a body may rightly report a takeover behind a rating change
 * ("S&P may downgrade X after its bid for Y"); the rating wording itself must never read as one.
 */
function countRatingEvents(title: string, analyzer: BuiltinAnalyzer): void {
  if (!RATING_HEADLINE_RE.test(title)) return;
  const { eventTypes } = analyzer.analyzeSync({ title, text: '' });
  ratingEvents.headlines++;
  if (eventTypes.includes('merger-acquisition')) ratingEvents.merger++;
  if (eventTypes.includes('analyst-rating')) ratingEvents.rating++;
}

function polarityOf(label: SentimentLabel): Polarity {
  if (label === 'Bearish' || label === 'Somewhat-Bearish') return 'negative';
  if (label === 'Neutral') return 'neutral';
  return 'positive';
}

function progress(label: string, done: number, total: number): void {
  if (done % 250 === 0 || done === total) process.stderr.write(`\r${label} ${done}/${total}`);
  if (done === total) process.stderr.write('\n');
}

/** One evaluation pass: the analyzer, and the prefix its lines carry (`learned ` after --learn-from). */
interface Pass {
  prefix: string;
  /** The analyzer over a registry (the built-in one, or it with the learned model on top). */
  analyzerFor: (registry: readonly CompanyRegistryEntry[]) => BuiltinAnalyzer;
  /** The registry SemEval targets are matched in; null: one made of the file's targets. */
  registry: readonly CompanyRegistryEntry[] | null;
}

function runPhrasebank(file: string, split: Split, pass: Pass): void {
  const analyzer = pass.analyzerFor([]);
  const rows = readPhrasebank(file).filter((row) => inSplit(row.sentence, split));

  const confusion = new Map<string, number>();
  let correct = 0;
  rows.forEach((row, i) => {
    const result = analyzer.analyzeSync({ title: row.sentence, text: '' });
    if (pass.prefix === '') countRatingEvents(row.sentence, analyzer);
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
  console.log(`\n${pass.prefix}${basename(file)} [${split}] — confusion (rows gold, columns predicted)`);
  console.log(['gold\\pred', ...POLARITIES].map((c) => c.padStart(10)).join(''));
  for (const g of POLARITIES)
    console.log(
      [g, ...POLARITIES.map((p) => String(confusion.get(`${g}>${p}`) ?? 0))]
        .map((c) => c.padStart(10))
        .join(''),
    );
  console.log(
    `${pass.prefix}phrasebank accuracy=${accuracy.toFixed(4)} macro_f1=${(f1Sum / 3).toFixed(4)} n=${rows.length}`,
  );
}

interface SemevalItem {
  title: string;
  company: string;
  sentiment: number;
}

/** Training files name the gold score `sentiment`, test files `sentiment score`. */
function toSemevalItem(value: unknown): SemevalItem | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const raw = record.sentiment ?? record['sentiment score'];
  const sentiment = typeof raw === 'string' ? Number.parseFloat(raw) : raw;
  if (typeof record.title !== 'string' || typeof record.company !== 'string') return null;
  if (typeof sentiment !== 'number' || !Number.isFinite(sentiment)) return null;
  return { title: record.title, company: record.company, sentiment };
}

function readSemeval(file: string): SemevalItem[] {
  let json: unknown;
  try {
    json = JSON.parse(readText(file));
  } catch (error) {
    if (error instanceof BenchInputError) throw error;
    throw new BenchInputError(
      `${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = (Array.isArray(json) ? json : [])
    .map(toSemevalItem)
    .filter((item): item is SemevalItem => item !== null);
  requireExamples(
    parsed,
    file,
    'a JSON array of {title, company, sentiment} or {title, company, "sentiment score"}',
  );
  return parsed;
}

function runSemeval(file: string, split: Split, pass: Pass): void {
  const all = readSemeval(file);
  const items = all.filter((item) => inSplit(item.title, split));
  // The target company is part of each test item, so the benchmark registry is made of the targets:
  // all of the file's, whichever half is measured, as the scratch registry of --learn-from holds
  // them all (one registry for both passes, so a difference between them is the model's).
  const registry: readonly CompanyRegistryEntry[] =
    pass.registry ??
    semevalCompanies(all.map((item) => item.company)).map((company, i) => ({
      id: `c${i}`,
      slug: `c${i}`,
      ...company,
      tickers: [],
    }));
  const idByName = idsByName(registry);
  const analyzer = pass.analyzerFor(registry);

  const predicted: number[] = [];
  const gold: number[] = [];
  let found = 0;
  items.forEach((item, i) => {
    const result = analyzer.analyzeSync({ title: item.title, text: '' });
    if (pass.prefix === '') countRatingEvents(item.title, analyzer);
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
  console.log(
    `\n${pass.prefix}${basename(file)} [${split}] — target company found in ${found}/${items.length} headlines`,
  );
  console.log(
    `${pass.prefix}semeval cosine=${cosine.toFixed(4)} pearson=${pearson.toFixed(4)} n=${items.length}`,
  );
}

function loadSeedRegistry(): CompanyRegistryEntry[] {
  if (!existsSync(SEED_REGISTRY)) return [];
  const raw = JSON.parse(readFileSync(SEED_REGISTRY, 'utf8')) as (Omit<CompanyRegistryEntry, 'id'> & {
    id?: string;
  })[];
  return raw.map((entry) => ({ ...entry, id: entry.id ?? entry.slug }));
}

function runReuters(file: string, split: Split, showErrors: boolean): void {
  const parsed = parseCsv(readText(file)).filter((row) => (row.title ?? '') + (row.body ?? '') !== '');
  requireExamples(parsed, file, 'CSV rows with topics, title, dateline and body columns');
  const docs = parsed.filter((row) => inSplit(`${row.title ?? ''}\n${row.body ?? ''}`, split));
  // The product's own seed registry, as a fresh install would have it.
  const analyzer = createBuiltinAnalyzer({ registry: loadSeedRegistry() });
  const results = docs.map((row, i) => {
    const title = (row.title ?? '').trim();
    // A wire story opens with its dateline: "NEW YORK, March 3 - Acme Corp said …".
    const text = `${(row.dateline ?? '').trim()} ${row.body ?? ''}`.trim();
    const result = analyzer.analyzeSync({ title: title || text.slice(0, 80), text });
    countRatingEvents(title, analyzer);
    progress(basename(file), i + 1, docs.length);
    return {
      title,
      codes: new Set((row.topics ?? '').split('|').filter(Boolean)),
      slugs: new Set(result.topics.map((t) => t.slug)),
    };
  });
  const withoutTopic = results.filter((r) => r.slugs.size === 0).length;
  // Reuters left many stories unindexed, and an empty TOPICS field cannot tell "no topic" from
  // "not indexed" (collection README); like the ModApte studies, only coded stories are scored.
  const scored = results.filter((r) => r.codes.size > 0);
  console.log(
    `\n${basename(file)} [${split}] — ${docs.length} documents (${scored.length} with topic codes), ${withoutTopic} given no topic`,
  );
  for (const [code, slug] of REPORTED_CODES) {
    const owned = codesOf(slug);
    const coded = scored.filter((r) => r.codes.has(code));
    const recall = coded.filter((r) => r.slugs.has(slug)).length / Math.max(1, coded.length);
    const given = scored.filter((r) => r.slugs.has(slug));
    const right = given.filter((r) => [...r.codes].some((c) => owned.has(c))).length;
    const precision = right / Math.max(1, given.length);
    console.log(
      `topics ${code} recall=${recall.toFixed(4)} precision=${precision.toFixed(4)} n=${coded.length}`,
    );
    if (!showErrors) continue;
    const show = (mark: string, r: (typeof results)[number]) =>
      console.log(`  ${mark} ${r.title} [${[...r.codes].join(' ')}] → ${[...r.slugs].join(' ') || '-'}`);
    for (const r of coded) if (!r.slugs.has(slug)) show('missed', r);
    for (const r of given) if (![...r.codes].some((c) => owned.has(c))) show('wrong ', r);
  }
}

/** PhraseBank or SemEval examples (by extension: `.json` is SemEval) of one half, each sentence once. */
function readLabelledExamples(files: readonly string[], split: Split): LabelledExample[] {
  const examples = new Map<string, LabelledExample>();
  for (const file of files) {
    if (file.toLowerCase().endsWith('.json')) {
      for (const item of readSemeval(file).filter((i) => inSplit(i.title, split)))
        examples.set(`${item.title}\u0000${item.company}`, {
          title: item.title,
          company: { name: item.company, sentimentScore: item.sentiment },
        });
    } else {
      for (const row of readPhrasebank(file).filter((r) => inSplit(r.sentence, split)))
        examples.set(row.sentence, { title: row.sentence, sentimentScore: PHRASEBANK_SCORE[row.gold] });
    }
  }
  return [...examples.values()];
}

async function learnedPass(
  files: readonly string[],
  learnSplit: Split,
  evalFiles: readonly string[],
): Promise<Pass> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl)
    throw new BenchInputError(
      '--learn-from needs TEST_DATABASE_URL (a PostgreSQL server URL) for its scratch database',
    );
  const examples = readLabelledExamples(files, learnSplit);
  requireExamples(examples, files.join(' '), `examples in the ${learnSplit} half`);
  const companies = semevalCompanies([
    ...examples.flatMap((e) => (e.company ? [e.company.name] : [])),
    ...evalFiles.flatMap((file) => readSemeval(file).map((item) => item.company)),
  ]);
  for (const company of companies.filter((c) => c.aliases.length > 0))
    console.log(`one company: ${[company.name, ...company.aliases].join(' = ')}`);
  const started = performance.now();
  const learned = await learnFromCorrections({
    serverUrl,
    examples,
    companies,
    progress: (done, total) => progress('corrections', done, total),
  });
  console.log(
    `\nlearned from ${learned.exampleCount} corrected articles (${learnSplit} half of ${files.map((f) => basename(f)).join(', ')}) in ${((performance.now() - started) / 1000).toFixed(1)} s; model ${learned.model ? 'active' : 'not activated (did not beat the built-in analyzer)'}`,
  );
  for (const [field, a] of Object.entries(learned.crossValidation))
    console.log(
      `learned cv ${field} builtin=${a.builtin.toFixed(4)} learned=${a.learned.toFixed(4)} n=${a.n}${a.scoreError ? ` score_rmse builtin=${a.scoreError.builtin.toFixed(4)} learned=${a.scoreError.learned.toFixed(4)}` : ''}${a.used ? ' used' : ''}${a.pooled ? ' pooled' : ''}`,
    );
  return {
    prefix: 'learned ',
    analyzerFor: (registry) =>
      createLearnedAnalyzer({ builtin: createBuiltinAnalyzer({ registry }), model: learned.model }),
    registry: learned.registry,
  };
}

const { values } = parseArgs({
  args: scriptArgs(),
  options: {
    phrasebank: { type: 'string', multiple: true },
    semeval: { type: 'string', multiple: true },
    reuters: { type: 'string', multiple: true },
    split: { type: 'string', default: 'all' },
    'show-errors': { type: 'boolean', default: false },
    'learn-from': { type: 'string', multiple: true },
    'learn-split': { type: 'string', default: 'dev' },
  },
});
const split = values.split as Split;
const learnSplit = values['learn-split'] as Split;
try {
  if (!SPLITS.includes(split)) throw new BenchInputError(`--split must be one of ${SPLITS.join(', ')}`);
  if (!SPLITS.includes(learnSplit))
    throw new BenchInputError(`--learn-split must be one of ${SPLITS.join(', ')}`);
  if (!values.phrasebank?.length && !values.semeval?.length && !values.reuters?.length)
    throw new BenchInputError(
      'usage: bench:quality -- [--split dev|heldout|all] --phrasebank FILE… --semeval FILE… --reuters FILE [--show-errors] [--learn-from FILE… [--learn-split dev|heldout|all]]',
    );
  const builtinPass: Pass = {
    prefix: '',
    analyzerFor: (registry) => createBuiltinAnalyzer({ registry }),
    registry: null,
  };
  for (const file of values.phrasebank ?? []) runPhrasebank(file, split, builtinPass);
  for (const file of values.semeval ?? []) runSemeval(file, split, builtinPass);
  for (const file of values.reuters ?? []) runReuters(file, split, values['show-errors']);
  console.log(
    `events rating-headlines merger-acquisition=${ratingEvents.merger} analyst-rating=${ratingEvents.rating} n=${ratingEvents.headlines}`,
  );
  const learnFiles = values['learn-from'] ?? [];
  if (learnFiles.length > 0) {
    const pass = await learnedPass(learnFiles, learnSplit, values.semeval ?? []);
    for (const file of values.phrasebank ?? []) runPhrasebank(file, split, pass);
    for (const file of values.semeval ?? []) runSemeval(file, split, pass);
  }
} catch (error) {
  if (!(error instanceof BenchInputError)) throw error;
  console.error(`bench:quality: ${error.message}`);
  process.exitCode = 1;
}
