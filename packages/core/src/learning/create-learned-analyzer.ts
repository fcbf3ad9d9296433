import type { BuiltinAnalyzer } from '../analysis/create-builtin-analyzer.js';
import type { LoadedLearnedModel } from './learned-model.js';

/**
 * The built-in analyzer with the active learned model on top. Without a model it is the
 * built-in analyzer itself, unchanged: a fresh install behaves exactly as the rules do.
 */
export function createLearnedAnalyzer({
  builtin,
  model,
}: {
  builtin: BuiltinAnalyzer;
  model: LoadedLearnedModel | null;
}): BuiltinAnalyzer {
  if (!model) return builtin;
  const analyzeSync: BuiltinAnalyzer['analyzeSync'] = (input) =>
    model.apply(input, builtin.analyzeSync(input));
  return {
    name: builtin.name,
    version: builtin.version,
    analyzeSync,
    analyze: (input) => Promise.resolve().then(() => analyzeSync(input)),
  };
}
