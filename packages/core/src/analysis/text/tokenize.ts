/**
 * One tokenizer for every stage (sentiment, entities, topics, summaries) so
 * that positions line up. Words keep inner hyphens/apostrophes/ampersands
 * ("pre-tax", "didn't", "AT&T"); possessive "'s" is split off so "Apple's"
 * yields "Apple" + "'s"; quotation marks are dropped (see QUOTATION_MARKS).
 */
export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  text: string;
  lower: string;
  kind: TokenKind;
  start: number;
  /** Parsed value for numbers ("1,200.5" → 1200.5). */
  value: number;
}

/** Words of a magnitude after a figure: "5 mln", "$2.6 billion", "€3bn" ("3", "bn"). */
export const MAGNITUDE_WORDS: ReadonlySet<string> = new Set([
  'mln',
  'million',
  'bln',
  'billion',
  'bn',
  'trillion',
  'tn',
  'thousand',
]);

/** The currency signs the tokenizer keeps as tokens of their own ("$", "2.6", "billion"). */
export const CURRENCY_SIGNS: ReadonlySet<string> = new Set(['$', '€', '£', '¥']);

const TOKEN_RE = /\p{L}+(?:[-'’&.]\p{L}+)*|\d+(?:[.,]\d+)*|[%$€£¥]|[^\s\p{L}\p{N}]/gu;
const POSSESSIVE_RE = /['’]s$/i;
/**
 * Quotation marks are left out: a word or phrase put in quotes ("'slightly ahead' of expectations",
 * "ups RBS to 'buy'") reads as it would without them, and a phrase rule must still see it whole.
 */
const QUOTATION_MARKS = new Set(['"', "'", '‘', '’', '“', '”', '„', '«', '»', '`', '´']);

function parseNumber(raw: string): number {
  // "1,200.5" and "1.200,5" both occur; a comma followed by exactly three digits is a thousands separator.
  const normalized = /,\d{3}(?!\d)/.test(raw) ? raw.replace(/,/g, '') : raw.replace(',', '.');
  const value = Number.parseFloat(normalized);
  return Number.isFinite(value) ? value : 0;
}

/**
 * A possessive split off its word, as tokenized corpora and some feeds write it ("the Company 's
 * debt"): an apostrophe after a space, then an "s" that ends a word, after a word.
 */
function isSplitPossessive(text: string, at: number, previous: Token | undefined): boolean {
  const s = text[at + 1];
  return (
    previous?.kind === 'word' &&
    text[at - 1] === ' ' &&
    (s === 's' || s === 'S') &&
    !/[\p{L}\p{N}-]/u.test(text[at + 2] ?? '')
  );
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  /** Where a split possessive ends: its "s" was read with the apostrophe. */
  let skipTo = -1;
  for (const match of text.matchAll(TOKEN_RE)) {
    let raw = match[0];
    const start = match.index;
    if (start < skipTo) continue;
    if ((raw === "'" || raw === '’') && isSplitPossessive(text, start, tokens[tokens.length - 1])) {
      tokens.push({ text: text.slice(start, start + 2), lower: "'s", kind: 'punct', start, value: 0 });
      skipTo = start + 2;
      continue;
    }
    const first = raw.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      tokens.push({ text: raw, lower: raw, kind: 'number', start, value: parseNumber(raw) });
      continue;
    }
    if (raw.length === 1 && !/\p{L}/u.test(raw)) {
      if (QUOTATION_MARKS.has(raw)) continue;
      tokens.push({ text: raw, lower: raw, kind: 'punct', start, value: 0 });
      continue;
    }
    let possessive: Token | null = null;
    if (POSSESSIVE_RE.test(raw) && raw.length > 2) {
      possessive = {
        text: raw.slice(-2),
        lower: "'s",
        kind: 'punct',
        start: start + raw.length - 2,
        value: 0,
      };
      raw = raw.slice(0, -2);
    }
    tokens.push({ text: raw, lower: raw.toLowerCase(), kind: 'word', start, value: 0 });
    if (possessive) tokens.push(possessive);
  }
  return tokens;
}

export function isCapitalized(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** One of `words` stands in tokens[from, to), the range clipped to the tokens. */
export function hasWordIn(
  tokens: readonly Token[],
  from: number,
  to: number,
  words: ReadonlySet<string>,
): boolean {
  for (let i = Math.max(0, from); i < Math.min(tokens.length, to); i++)
    if (words.has(tokens[i]?.lower ?? '')) return true;
  return false;
}
