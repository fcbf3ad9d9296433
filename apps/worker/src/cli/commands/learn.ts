import type { Command } from 'commander';

import { AppError } from '@wirelens/core';
import type { CrossValidation } from '@wirelens/core/learning';
import { activateAnalyzerModel, analyzerQuality, trainAnalyzer } from '@wirelens/services/learning';

import { loadEnv } from '../../env.js';
import { openDatabase } from '../database.js';
import { CLI_ACTOR } from '../services.js';

/**
 * One line per field: `sentiment n=120 builtin=0.7800 learned=0.8300 score_error=0.2100→0.1900 (used)`;
 * the company head adds `pooled` when it learned from the articles' tone too.
 */
export function describeCrossValidation(crossValidation: CrossValidation): string[] {
  return Object.entries(crossValidation).map(([field, a]) => {
    const error = a.scoreError
      ? ` score_error=${a.scoreError.builtin.toFixed(4)}→${a.scoreError.learned.toFixed(4)}`
      : '';
    const notes = [a.used && 'used', a.pooled === true && 'pooled'].filter(Boolean).join(', ');
    return `  ${field} n=${a.n} builtin=${a.builtin.toFixed(4)} learned=${a.learned.toFixed(4)}${error}${notes ? ` (${notes})` : ''}`;
  });
}

function parseVersion(value: string): number | null {
  if (value === 'none' || value === 'builtin') return null;
  if (!/^\d+$/.test(value))
    throw new AppError('INVALID_INPUT', `--activate takes a model version or "none" (got "${value}")`);
  return Number(value);
}

export function registerLearn(program: Command): void {
  program
    .command('learn')
    .description(
      'train a learned analyzer model from editors’ approvals and corrections now (active only if it beats the built-in analyzer)',
    )
    .option('--list', 'list the model versions and their cross-validated figures instead')
    .option(
      '--activate <version>',
      'make an earlier (or later) model version active; "none" uses the rules alone',
    )
    .action(async (options: { list?: boolean; activate?: string }) => {
      const { db, close } = await openDatabase(loadEnv());
      const out = (line: string) => process.stdout.write(`${line}\n`);
      try {
        if (options.activate !== undefined) {
          const { activeModelId } = await activateAnalyzerModel({
            db,
            actor: CLI_ACTOR,
            modelId: parseVersion(options.activate),
          });
          out(
            activeModelId === null
              ? 'The built-in analyzer alone is active.'
              : `Model ${activeModelId} is active.`,
          );
          return;
        }
        if (options.list) {
          const quality = await analyzerQuality({ db });
          if (quality.models.length === 0)
            out('No learned models yet: the built-in analyzer alone is active.');
          for (const model of quality.models) {
            out(
              `model ${model.id}${model.active ? ' (active)' : ''} ${model.createdAt.toISOString()} examples=${model.exampleCount}${model.improves ? '' : ' (did not beat the built-in analyzer)'}`,
            );
            describeCrossValidation(model.crossValidation).forEach(out);
          }
          out(`${quality.newCorrections} editor decision(s) since the newest model.`);
          return;
        }
        const result = await trainAnalyzer({ db, actor: CLI_ACTOR });
        if (result.status === 'skipped') {
          out('Nothing to learn from yet: no article has an editor’s approval or correction.');
          return;
        }
        out(
          `model ${result.modelId} trained from ${result.exampleCount} reviewed articles; cross-validated agreement with editors:`,
        );
        describeCrossValidation(result.crossValidation).forEach(out);
        out(
          result.activated
            ? `Model ${result.modelId} beat the built-in analyzer and is now active (new analyses use it within 5 minutes).`
            : 'It did not beat the built-in analyzer; the active model is unchanged.',
        );
      } finally {
        await close();
      }
    });
}
