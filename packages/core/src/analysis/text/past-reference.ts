import type { Token } from './tokenize.js';

const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her']);

/**
 * "First profit since its IPO", "shares have doubled since the merger": a phrase after "since"
 * dates something else, so it is no event and no topic of the story.
 */
export function isPastReference(tokens: readonly Token[], start: number): boolean {
  const at = DETERMINERS.has(tokens[start - 1]?.lower ?? '') ? start - 1 : start;
  return tokens[at - 1]?.lower === 'since';
}
