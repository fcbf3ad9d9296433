/**
 * The search box's syntax, parsed into terms a database can turn into a full-text query:
 * `words` (all must match), `"a phrase"` (the words next to each other, in order), `semicond*`
 * (any word starting so), `-word` / `-"a phrase"` (must not match), and `or` between alternatives.
 * `or` binds looser than the implicit AND: `a b or c` is `(a AND b) OR c`.
 */
export interface SearchTerm {
  kind: 'word' | 'phrase' | 'prefix';
  /** Letters and digits only (words), or the phrase's words joined by single spaces. */
  text: string;
  negated: boolean;
}

/** Alternatives (OR) of term lists (AND). Empty when the input has nothing searchable. */
export type SearchQuery = SearchTerm[][];

/** Prefixes shorter than this match too much to be useful (and too much to be cheap). */
export const MIN_PREFIX_LENGTH = 2;

// Runs of letters and digits, joined by an inner "." or "-" the way PostgreSQL's parser keeps them as one
// token ("4.2", "non-farm", "U.S"): split apart, "$4.2 billion" would look for "4" next to "2" and miss.
// Nothing else survives, so a term can never break out of its quotes in the tsquery text.
const WORD = /[\p{L}\p{N}]+(?:[.-][\p{L}\p{N}]+)*/gu;

function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Parses the search box's text; anything it does not understand is read as plain words. */
export function parseSearchQuery(input: string): SearchQuery {
  const groups: SearchQuery = [];
  let current: SearchTerm[] = [];
  // A quoted phrase, or a run of non-space characters (an unclosed quote reads to the end).
  const tokens = input.matchAll(/(-?)"([^"]*)"?|(\S+)/g);
  for (const [, minus, quoted, bare] of tokens) {
    if (quoted !== undefined) {
      const phrase = words(quoted);
      if (phrase.length === 1)
        current.push({ kind: 'word', text: phrase[0] as string, negated: minus === '-' });
      else if (phrase.length > 1)
        current.push({ kind: 'phrase', text: phrase.join(' '), negated: minus === '-' });
      continue;
    }
    const token = bare as string;
    if (/^or$/i.test(token)) {
      if (current.length > 0) groups.push(current);
      current = [];
      continue;
    }
    const negated = token.startsWith('-');
    const prefix = /[\p{L}\p{N}]\*+$/u.test(token);
    const parts = words(token);
    parts.forEach((text, index) => {
      const last = index === parts.length - 1;
      const kind = prefix && last && text.length >= MIN_PREFIX_LENGTH ? 'prefix' : 'word';
      current.push({ kind, text, negated });
    });
  }
  if (current.length > 0) groups.push(current);
  // A group of only exclusions would match nearly everything: drop it.
  return groups.filter((group) => group.some((term) => !term.negated));
}
