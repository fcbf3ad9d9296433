/**
 * A takeover named by its price and its target: "Broadcom closes $69 billion VMware deal", "Adobe
 * abandons $20 billion Figma deal", "a $28 billion Splunk takeover". An amount right before a
 * company's name and a deal noun right after it make that company the target; without the amount
 * the name may be a partner ("its OpenAI deal"), without the name the deal may be a contract ("a $1
 * billion supply deal").
 */
import { wordSet as words } from './phrase-matcher.js';
import { isCapitalized, MAGNITUDE_WORDS, type Token } from './tokenize.js';
import type { NameSpan } from './verb-object.js';

const DEAL_NOUNS = words('deal takeover buyout purchase acquisition merger bid offer');

/** What is offered for a company, named with its price before it: "a $15 billion bid for US Steel". */
const BID_NOUNS = words('bid bids offer offers takeover buyout');

/**
 * The sentence names a company between a price and a deal noun ("$69 billion VMware deal"), or a
 * priced bid for a name ("$15 billion bid for US Steel"; "a $2 billion bid for the contract" is none).
 */
export function namesPricedDeal(tokens: readonly Token[], names: readonly NameSpan[] | undefined): boolean {
  if (
    names?.some(
      (name) =>
        DEAL_NOUNS.has(tokens[name.end]?.lower ?? '') &&
        MAGNITUDE_WORDS.has(tokens[name.start - 1]?.lower ?? ''),
    ) === true
  )
    return true;
  // "$15 billion bid for US Steel": looked for from "for", the cheapest of its words to compare.
  for (let i = 2; i + 1 < tokens.length; i++) {
    if (tokens[i]?.lower !== 'for') continue;
    const target = tokens[i + 1];
    if (
      BID_NOUNS.has(tokens[i - 1]?.lower ?? '') &&
      MAGNITUDE_WORDS.has(tokens[i - 2]?.lower ?? '') &&
      target?.kind === 'word' &&
      isCapitalized(target.text)
    )
      return true;
  }
  return false;
}
