/**
 * "Stake" in its idioms is no holding: "jobs at stake", "raises the stakes in the streaming war",
 * "a high stakes trial". A stake bought, sold or held ("buys stake in Occidental") is one.
 */
import type { Token } from './tokenize.js';

const IDIOM_BEFORE: ReadonlySet<string> = new Set(['the', 'high']);

/** Whether the "stake" or "stakes" at `at` is an idiom's. */
export function isStakeIdiom(tokens: readonly Token[], at: number): boolean {
  const word = tokens[at]?.lower;
  const before = tokens[at - 1]?.lower ?? '';
  return (word === 'stake' && before === 'at') || (word === 'stakes' && IDIOM_BEFORE.has(before));
}
