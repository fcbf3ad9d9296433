/**
 * Wire-service copy conventions: a dateline before the first sentence
 * ("NEW YORK, March 3 - "), and results tables written one row per line
 * ("Shr 80 cts vs 72 cts", "Net 5.5 mln vs 4.9 mln", "Qtly div 25 cts vs 25 cts prior",
 * "Year", "Reuter"). A table row is data, not a statement: it may carry
 * sentiment evidence (the figures), but is never quoted as a sentence.
 */
import type { Token } from './tokenize.js';

const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
/** "LOS ANGELES, March 2 - ", "STRASBOURG, France, March 11 - ", "LONDON, May 4 (Reuters) - ". */
export const DATELINE_RE = new RegExp(
  String.raw`^\p{Lu}[\p{L}.'’ ]{1,40}(?:,\s*[\p{L}.'’ ]{2,30}){0,2},\s*${MONTH}\s+\d{1,2}\s*(?:\([^)]{2,20}\)\s*)?[-–—]\s*`,
  'u',
);

/**
 * Wire services' headline slugs: the story's version or kind ("UPDATE 2-", "REFILE-", "RPT-",
 * "CORRECTED-", "EXCLUSIVE-", "BUZZ-", "FACTBOX-") or its desk ("GLOBAL MARKETS-", "US STOCKS-",
 * "METALS-"), in capitals before a hyphen, several in a row ("RPT-UPDATE 2-"). They say nothing
 * about the story, and glued to its first word ("REFILE-Hikma", "EXCLUSIVE-BP") they hide a name.
 * Only these words count: capitals before a hyphen are also names ("LSE-Deutsche Börse").
 */
const WIRE_SLUGS = [
  'UPDATE',
  'WRAPUP',
  'REFILE',
  'RPT',
  'REPEAT',
  'CORRECTED',
  'CORRECTION',
  'EXCLUSIVE',
  'BRIEF',
  'BUZZ',
  'ANALYSIS',
  'INSIGHT',
  'FACTBOX',
  'TIMELINE',
  'PREVIEW',
  'FEATURE',
  'INTERVIEW',
  'COLUMN',
  'BREAKINGVIEWS',
  'PRESS DIGEST',
  'SPECIAL REPORT',
  'HIGHLIGHTS',
  'DIARY',
  'POLL',
  'RESEARCH ALERT',
  'MOVES',
  'GLOBAL MARKETS',
  'EMERGING MARKETS',
  'US STOCKS',
  'EUROPE STOCKS',
  'ASIA STOCKS',
  'CANADA STOCKS',
  'METALS',
  'PRECIOUS',
  'FOREX',
  'GRAINS',
  'SOFTS',
  'TREASURIES',
  'LPC',
  'TRLPC',
];
const WIRE_SLUG_RE = new RegExp(
  String.raw`^(?:(?:${WIRE_SLUGS.join('|')})(?: \d{1,2})? ?[-–] ?)+(?=[\p{Lu}\p{N}"'“‘$£€])`,
  'u',
);

/** A headline without its leading wire slugs ("UPDATE 1-Shire to buy Dyax" → "Shire to buy Dyax"). */
export function withoutWireSlug(headline: string): string {
  return headline.replace(WIRE_SLUG_RE, '');
}

/** First words of a results-table row. */
const ROW_LABELS = new Set([
  'shr',
  'shrs',
  'net',
  'oper',
  'revs',
  'rev',
  'revenues',
  'sales',
  'div',
  'qtly',
  'qtrly',
  'mthly',
  'annual',
  'semi-annual',
  'avg',
  'pay',
  'payable',
  'record',
  'loss',
  'profit',
  'assets',
  'deposits',
  'loans',
]);
const SENTENCE_END_RE = /[.!?]["”’']?$/;
const COMPARISON_WORDS = new Set(['vs', 'v', 'versus']);
const RESULTS_COMPARISON_WORDS = new Set(['vs', 'versus']);
const MAX_ROW_WORDS = 10;
/** Lines this short without a full stop are labels or sign-offs ("Year", "Nine mths", "Reuter"). */
const MAX_FRAGMENT_WORDS = 3;

/** Index of the first token after a leading dateline, 0 when there is none. */
export function afterDateline(text: string, tokens: readonly Token[]): number {
  const match = DATELINE_RE.exec(text);
  if (match === null) return 0;
  const end = match[0].length;
  const index = tokens.findIndex((t) => t.start >= end);
  return index < 0 ? tokens.length : index;
}

/**
 * A row of figures a results table holds: a number compared ("Net 5.5 mln vs 4.9 mln") or under a
 * row label ("Shr 80 cts", "Qtly div 12 cts"). A short line with a figure ("Storm hits 3 states")
 * or a score ("Tottenham 2 v 1 Manchester United") is no result.
 */
export function isResultsRow(text: string, tokens: readonly Token[]): boolean {
  if (!tokens.some((t) => t.kind === 'number')) return false;
  const from = afterDateline(text, tokens);
  // "vs" compares results; a bare "v" is as often a match ("Tottenham 2 v 1 Manchester United").
  return (
    ROW_LABELS.has(tokens[from]?.lower ?? '') ||
    tokens.some((t, i) => RESULTS_COMPARISON_WORDS.has(t.lower) && tokens[i + 1]?.kind !== 'punct')
  );
}

export function isTableRow(text: string, tokens: readonly Token[]): boolean {
  // A row never ends like a sentence: "Sales rose 5% to $3 billion." is prose.
  if (SENTENCE_END_RE.test(text)) return false;
  const from = afterDateline(text, tokens);
  let words = 0;
  let numbers = 0;
  let compares = false;
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i];
    if (token?.kind === 'word') {
      words++;
      if (COMPARISON_WORDS.has(token.lower) && tokens[i + 1]?.kind !== 'punct') compares = true;
    } else if (token?.kind === 'number') numbers++;
  }
  if (words <= MAX_FRAGMENT_WORDS) return true;
  if (words > MAX_ROW_WORDS || numbers === 0) return false;
  return compares || ROW_LABELS.has(tokens[from]?.lower ?? '');
}
