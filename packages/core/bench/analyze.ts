/**
 * Throughput benchmark of the built-in analyzer.
 *
 *   pnpm --filter @wirelens/core bench:analyze [-- --n 5000] [--learned-from PHRASEBANK_FILE [--rounds 4]]
 *
 * `--learned-from` trains a learned model in this process from a PhraseBank file's
 * examples (as if editors had corrected them) and measures the analyzer with
 * that model on top, as a deployment with an active model runs it, taking turns
 * with the built-in analyzer alone for `--rounds` rounds (the first dropped as
 * warm-up), so both meet the same load; it prints the medians and their ratio.
 *
 * Generates N realistic ~600-word articles from templates (deterministic seed,
 * varied companies, figures and events), analyzes them in this one process
 * (= one core) and prints articles/s and peak RSS. Every 50th result is
 * validated against the contract schema.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import {
  analysisResultSchema,
  createBuiltinAnalyzer,
  type AnalyzeInput,
  type CompanyRegistryEntry,
} from '../src/analysis/index.js';
import { createLearnedAnalyzer, loadLearnedModel, trainLearnedModel } from '../src/learning/index.js';
import { seededRandom } from '../src/learning/seeded-random.js';
import { scriptArgs } from '../src/testing/index.js';
import { PHRASEBANK_SCORE, readPhrasebank } from './fixture-files.js';

const SEED_REGISTRY = fileURLToPath(new URL('../../db/prisma/seed-data/companies.json', import.meta.url));

function loadRegistry(): CompanyRegistryEntry[] {
  if (existsSync(SEED_REGISTRY)) {
    const raw = JSON.parse(readFileSync(SEED_REGISTRY, 'utf8')) as (Omit<CompanyRegistryEntry, 'id'> & {
      id?: string;
    })[];
    return raw.map((entry) => ({ ...entry, id: entry.id ?? entry.slug }));
  }
  const names = [
    'Northwind Systems',
    'Contoso Energy',
    'Fabrikam Motors',
    'Tailspin Airlines',
    'Litware Bank',
    'Adatum Pharma',
    'Proseware Retail',
    'Woodgrove Capital',
  ];
  return names.map((name, i) => ({
    id: `c${i}`,
    slug: `c${i}`,
    name,
    aliases: [],
    tickers: [{ symbol: name.slice(0, 4).toUpperCase(), exchange: 'NYSE' }],
    prominence: 1 + (i % 3),
  }));
}

const HEADLINES = [
  '{A} shares {move} after quarterly profit {pdir} to {amt}',
  '{A} to cut {n} jobs as demand for {product} weakens',
  '{A} agrees to buy {B} in {amt} deal',
  'Regulators fine {A} {amt} over {issue}',
  'US tightens export controls on chips, hitting {A}',
  '{A} beats estimates and raises full-year guidance',
  '{A} misses forecasts as costs climb',
  '{A} hit by outage that disrupted {product} for hours',
  '{A} launches new {product} line',
  'Review: the new {product} from {A} is solid but pricey',
  '{A} recalls {n} vehicles over {issue}',
  '{A} files for bankruptcy protection after talks with lenders fail',
];
const LEADS = [
  '{A} said on {day} that net sales {pdir} {pct}% to {amt} in the {q}, compared with {amt2} a year earlier.',
  'Shares of {A} {move} {pct}% in early trading on {day} after the company published its {q} report.',
  '{A} announced on {day} that it had reached an agreement with {B} covering {product} in {region}.',
  'The company reported operating profit of {amt}, up from {amt2} in the same period last year.',
];
const BODY = [
  'Operating profit {pdir} to {amt} from {amt2}, while revenue grew {pct}% on stronger demand for {product}.',
  'The net loss narrowed to {amt} from {amt2}, helped by lower costs and better pricing in {region}.',
  'Analysts at {bank} said the results were {judgement} and kept their rating on the stock unchanged.',
  'The company operates {n} plants in {region} and employs about {n2} people.',
  'Chief executive {person} said the group would continue to invest in {product} despite a weaker market.',
  '{B}, a rival of {A}, reported a {pct}% decline in orders for the same period.',
  'The lawsuit, filed in {region}, alleges that {A} misled investors about {issue}.',
  'Costs rose {pct}% because of higher energy prices and wage increases across the business.',
  'The board proposed a dividend of {small} per share, unchanged from the previous year.',
  '"We are confident that the investments we made this year will pay off," {person} told analysts on a call.',
  'Investors have been worried about {issue} since the start of the year, and the stock had lost {pct}% before the report.',
  'The deal, which is subject to regulatory approval, is expected to close in the {q}.',
  '{A} said it expects revenue to grow between {pct} and {pct2} percent next year.',
  'Order intake fell {pct}% to {amt}, but the backlog remained above {amt2}.',
  'The agreement covers the supply of {product} to customers in {region} over the next {n3} years.',
  'According to {bank}, the market for {product} is worth about {amt} and is growing roughly {pct}% a year.',
  'Officials said the new rules would restrict sales of advanced {product} to several countries.',
  'The outage affected customers in {region} and was resolved after several hours, the company said.',
  'Management did not change its outlook for the year, citing uncertainty around {issue}.',
  'However, margins came under pressure as prices for raw materials increased sharply.',
  'The company will report fourth-quarter results on {day}, when it plans to update investors on {issue}.',
  'Its main competitor, {B}, has been gaining market share in {region} with cheaper {product}.',
];
const FILL: Record<string, readonly string[]> = {
  move: ['rose', 'fell', 'jumped', 'slumped', 'climbed', 'dropped'],
  pdir: ['rose', 'fell', 'increased', 'decreased', 'jumped', 'declined'],
  product: [
    'cloud services',
    'AI accelerators',
    'electric vehicles',
    'smartphones',
    'paper machines',
    'cancer drugs',
    'payment terminals',
    'wind turbines',
  ],
  issue: [
    'supply chain problems',
    'a data breach',
    'pricing practices',
    'faulty brakes',
    'accounting errors',
    'higher interest rates',
  ],
  region: ['Europe', 'North America', 'China', 'Finland', 'Brazil', 'the Middle East', 'Southeast Asia'],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  q: ['first quarter', 'second quarter', 'third quarter', 'fourth quarter'],
  bank: ['Harbor Ridge Research', 'Larchmont Capital', 'Northgate Securities', 'Bayview Partners'],
  judgement: ['solid', 'disappointing', 'in line with expectations', 'better than expected', 'weak'],
  person: ['Maria Lind', 'John Carter', 'Aiko Tanaka', 'Pedro Alves', 'Sofia Rossi'],
};

function generateArticle(random: () => number, registry: readonly CompanyRegistryEntry[]): AnalyzeInput {
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('cannot pick from an empty list');
    return item;
  };
  const a = pick(registry);
  let b = pick(registry);
  if (b === a) b = registry[(registry.indexOf(a) + 1) % registry.length] ?? a;
  const money = () => `$${(random() * 900 + 10).toFixed(1)} million`;
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (_, key: string) => {
      switch (key) {
        case 'A':
          return a.name;
        case 'B':
          return b.name;
        case 'amt':
        case 'amt2':
          return money();
        case 'pct':
        case 'pct2':
          return String(Math.floor(random() * 30) + 1);
        case 'n':
        case 'n2':
          return String(Math.floor(random() * 9000) + 100);
        case 'n3':
          return String(Math.floor(random() * 8) + 2);
        case 'small':
          return `$${(random() * 3).toFixed(2)}`;
        default:
          return pick(FILL[key] ?? ['']);
      }
    });
  const paragraphs: string[] = [fill(pick(LEADS))];
  let words = paragraphs[0]?.split(/\s+/).length ?? 0;
  while (words < 600) {
    const paragraph = [fill(pick(BODY)), fill(pick(BODY)), fill(pick(BODY))].join(' ');
    paragraphs.push(paragraph);
    words += paragraph.split(/\s+/).length;
  }
  return {
    title: fill(pick(HEADLINES)),
    text: paragraphs.join('\n\n'),
    coverage: { distinctSources: 1 + Math.floor(random() * 8), isFirstReport: random() < 0.5 },
  };
}

const { values } = parseArgs({
  args: scriptArgs(),
  options: {
    n: { type: 'string', default: '5000' },
    'learned-from': { type: 'string' },
    rounds: { type: 'string', default: '4' },
  },
});
const count = Math.max(1, Number.parseInt(values.n, 10) || 5000);
const registry = loadRegistry();
const random = seededRandom(20_260_101);
const articles = Array.from({ length: count }, () => generateArticle(random, registry));
const totalWords = articles.reduce((sum, article) => sum + article.text.split(/\s+/).length, 0);

const setupStart = performance.now();
const builtin = createBuiltinAnalyzer({ registry });
const setupMs = performance.now() - setupStart;
const learnFile = values['learned-from'];
const learned =
  learnFile === undefined
    ? null
    : trainLearnedModel({
        examples: readPhrasebank(learnFile).map((row) => ({
          input: { title: row.sentence, text: '' },
          sentimentScore: PHRASEBANK_SCORE[row.gold],
        })),
        analyze: (input) => builtin.analyzeSync(input),
      });
if (learned && !learned.improves)
  throw new Error(`a model trained from ${learnFile} does not beat the rules`);
const learnedAnalyzer = learned
  ? createLearnedAnalyzer({ builtin, model: loadLearnedModel('learned-bench', learned.data) })
  : null;

interface Pass {
  seconds: number;
  cpuSeconds: number;
  invalid: number;
}

function measure(analyzer: typeof builtin, label: string): Pass {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let invalid = 0;
  articles.forEach((article, i) => {
    const result = analyzer.analyzeSync(article);
    if (i % 50 === 0 && !analysisResultSchema.safeParse(result).success) invalid++;
    if ((i + 1) % 500 === 0 || i + 1 === count) process.stderr.write(`\r${label} analyzed ${i + 1}/${count}`);
  });
  process.stderr.write('\n');
  // CPU time of this process: the per-core rate even when other work shares the machine.
  const cpu = process.cpuUsage(cpuStart);
  return { seconds: (performance.now() - start) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, invalid };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function report(model: 'on' | 'off', passes: Pass[]): number {
  const perCpu = median(passes.map((pass) => count / pass.cpuSeconds));
  const perWall = median(passes.map((pass) => count / pass.seconds));
  console.log(
    `learned_model=${model} analyze articles=${count} rounds=${passes.length} seconds=${median(passes.map((p) => p.seconds)).toFixed(2)} ` +
      `cpu_seconds=${median(passes.map((p) => p.cpuSeconds)).toFixed(2)} articles_per_s=${perWall.toFixed(1)} articles_per_cpu_s=${perCpu.toFixed(1)} (medians)`,
  );
  return perCpu;
}

// With a model, the built-in analyzer alone and with the model on take turns over the same
// articles, so both meet the same load; the first round of each warms the JIT and is dropped.
const rounds = learnedAnalyzer ? Math.max(2, Number.parseInt(values.rounds, 10) || 4) : 1;
const builtinPasses: Pass[] = [];
const learnedPasses: Pass[] = [];
for (let round = 0; round < rounds; round++) {
  const pass = measure(builtin, learnedAnalyzer ? `round ${round + 1} built-in` : '');
  if (round > 0 || !learnedAnalyzer) builtinPasses.push(pass);
  if (!learnedAnalyzer) continue;
  const learnedPass = measure(learnedAnalyzer, `round ${round + 1} learned`);
  if (round > 0) learnedPasses.push(learnedPass);
}
const invalid = [...builtinPasses, ...learnedPasses].reduce((sum, pass) => sum + pass.invalid, 0);
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `registry=${registry.length} companies, index built in ${setupMs.toFixed(0)} ms; avg words/article=${Math.round(totalWords / count)}; invalid sampled results=${invalid}; peak_rss_mb=${rssMb.toFixed(0)}`,
);
const builtinRate = report('off', builtinPasses);
if (learnedAnalyzer) {
  const learnedRate = report('on', learnedPasses);
  console.log(`learned/built-in articles_per_cpu_s ratio=${(learnedRate / builtinRate).toFixed(3)}`);
}
if (invalid > 0) process.exitCode = 1;
