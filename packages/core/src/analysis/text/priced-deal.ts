/**
 * A takeover named by its price and its target: "Broadcom closes $69 billion VMware deal", "Adobe
 * abandons $20 billion Figma deal", "a $28 billion Splunk takeover". An amount right before a
 * company's name and a deal noun right after it make that company the target; without the amount
 * the name may be a partner ("its OpenAI deal"), without the name the deal may be a contract ("a $1
 * billion supply deal").
 */
import { wordSet as words } from './phrase-matcher.js';
import type { Token } from './tokenize.js';
import type { NameSpan } from './verb-object.js';

const DEAL_NOUNS = words('deal takeover buyout purchase acquisition merger bid offer');
const AMOUNT_WORDS = words('billion million trillion bln mln bn');

/** The sentence names a company between a price and a deal noun ("$69 billion VMware deal"). */
export function namesPricedDeal(tokens: readonly Token[], names: readonly NameSpan[] | undefined): boolean {
  return (
    names?.some(
      (name) =>
        DEAL_NOUNS.has(tokens[name.end]?.lower ?? '') &&
        AMOUNT_WORDS.has(tokens[name.start - 1]?.lower ?? ''),
    ) === true
  );
}
