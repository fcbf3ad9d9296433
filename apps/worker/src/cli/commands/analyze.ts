import { readFile } from 'node:fs/promises';

import type { Command } from 'commander';
import { z } from 'zod';

import { AppError } from '@wirelens/core';
import { createBuiltinAnalyzer, type CompanyRegistryEntry } from '@wirelens/core/analysis';
import { readCompanySeed } from '@wirelens/db';
import { isLlmConfigured, requestReanalysis } from '@wirelens/services/analysis';

import { analyzerConfigOf } from '../../env.js';
import { CLI_ACTOR, withServices } from '../services.js';

/** Articles queued per transaction: a re-analysis of the whole archive must not be one huge transaction. */
const REANALYZE_BATCH = 500;

const articleInput = z
  .object({ title: z.string(), body: z.string() })
  .or(z.object({ title: z.string(), text: z.string() }));

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** `{title, body}` JSON, or plain text whose first line is the headline. */
export function parseArticleInput(raw: string): { title: string; text: string } {
  const trimmed = raw.trim();
  if (!trimmed)
    throw new AppError(
      'INVALID_INPUT',
      'no article: give a file, or pipe {"title","body"} JSON or plain text on stdin',
    );
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      throw new AppError(
        'INVALID_INPUT',
        `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const parsed = articleInput.safeParse(json);
    if (!parsed.success)
      throw new AppError('INVALID_INPUT', 'JSON input needs string fields "title" and "body"');
    return { title: parsed.data.title, text: 'body' in parsed.data ? parsed.data.body : parsed.data.text };
  }
  const [first = '', ...rest] = trimmed.split(/\r?\n/);
  return { title: first.trim(), text: rest.join('\n').trim() || first.trim() };
}

/** The bundled registry, so `analyze` works without a database. */
async function bundledRegistry(): Promise<CompanyRegistryEntry[]> {
  return (await readCompanySeed()).map((company) => ({
    id: company.slug,
    slug: company.slug,
    name: company.name,
    aliases: [...company.aliases, ...(company.legalName ? [company.legalName] : [])],
    ambiguousAliases: company.ambiguousAliases,
    tickers: company.tickers.map((t) => ({ symbol: t.symbol, exchange: t.exchange })),
    domain: company.domain,
    sector: company.sector,
    prominence: company.prominence,
  }));
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('analyse one article with the built-in analyzer (no database needed) and print the result')
    .argument('[file]', 'article file ({"title","body"} JSON or plain text); stdin when omitted')
    .option('--json', 'print the full result as JSON (default: a readable summary)')
    .action(async (file: string | undefined, options: { json?: boolean }) => {
      const raw = file ? await readFile(file, 'utf8') : await readStdin();
      const input = parseArticleInput(raw);
      const analyzer = createBuiltinAnalyzer({ registry: await bundledRegistry() });
      const result = await analyzer.analyze(input);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        [
          `${result.sentiment.label} (${result.sentiment.score.toFixed(2)}, confidence ${result.sentiment.confidence.toFixed(2)}) · importance ${result.importance.score}/10`,
          `Summary: ${result.summary}`,
          `Companies: ${result.companies.map((c) => `${c.name} (${c.sentimentScore.toFixed(2)})`).join(', ') || '—'}`,
          `Topics: ${result.topics.map((t) => t.slug).join(', ') || '—'}`,
          'Takeaways:',
          ...result.takeaways.map((t) => `  • ${t}`),
          '',
        ].join('\n'),
      );
    });

  program
    .command('reanalyze')
    .description(
      'queue a new analyzer run for stored articles (the worker runs them); adds analysis rows, never erases old ones or corrections',
    )
    .option('--since <date>', 'only articles published since this date (ISO 8601)')
    .option('--source <id>', 'only articles of this source')
    .option('--analyzer <name>', 'builtin or llm (default: WIRELENS_ANALYZER)')
    .action(async (options: { since?: string; source?: string; analyzer?: string }) => {
      const since = options.since ? new Date(options.since) : null;
      if (since && Number.isNaN(since.getTime()))
        throw new AppError('INVALID_INPUT', `--since "${options.since}" is not a date`);
      if (options.source && !/^\d+$/.test(options.source))
        throw new AppError('INVALID_INPUT', '--source takes a source id');
      const analyzer = options.analyzer;
      if (analyzer !== undefined && analyzer !== 'builtin' && analyzer !== 'llm') {
        throw new AppError('INVALID_INPUT', '--analyzer must be builtin or llm');
      }
      const queued = await withServices(async ({ env, db, jobs }) => {
        const llmConfigured = isLlmConfigured(analyzerConfigOf(env));
        const articles = await db.article.findMany({
          where: {
            ...(since ? { publishedAt: { gte: since } } : {}),
            ...(options.source ? { sourceId: Number(options.source) } : {}),
          },
          select: { id: true },
          orderBy: { publishedAt: 'desc' },
        });
        const ids = articles.map((a) => a.id);
        // An empty selection still goes through the use case, so an impossible --analyzer is refused either way.
        for (let start = 0; start === 0 || start < ids.length; start += REANALYZE_BATCH) {
          const batch = ids.slice(start, start + REANALYZE_BATCH);
          await requestReanalysis({ db, jobs, actor: CLI_ACTOR, articleIds: batch, analyzer, llmConfigured });
        }
        return ids.length;
      });
      process.stdout.write(
        `Queued ${queued} article(s) for re-analysis; the worker runs them (see \`wirelens start\`).\n`,
      );
    });
}
