import { parseSearchQuery, type SearchTerm } from '@wirelens/core/search';

import { Prisma } from '../generated/prisma/client.js';

/**
 * RELEVANCE ranks only this many matches, the newest: the cost of a page then depends on the page,
 * not on how many articles match. Older matches are reached by ordering by PUBLISHED_AT or by
 * narrowing the dates.
 */
export const SEARCH_CANDIDATES = 1000;

/** `totalCount` is exact up to this many articles and a planner estimate above it. */
export const EXACT_COUNT_LIMIT = 1000;

/**
 * Endings that, added to a typed prefix, make words whose English stem is shorter than the prefix:
 * "regulators" and "regulation" are indexed as `regul`, which the prefix `regulat:*` alone never
 * reaches. `to_tsquery` stems each completed word, so the query also matches those stems exactly.
 */
const PREFIX_COMPLETIONS = [
  'e',
  'ed',
  'es',
  'ing',
  'ion',
  'ions',
  'ive',
  'or',
  'ors',
  'er',
  'ers',
  'y',
  'ies',
];

const quoted = (word: string) => `'${word}'`;

function prefixText(prefix: string): string {
  const completions = PREFIX_COMPLETIONS.map((ending) => quoted(prefix + ending));
  return `(${[`${quoted(prefix)}:*`, ...completions].join(' | ')})`;
}

function termText(term: SearchTerm): string {
  const text =
    term.kind === 'phrase'
      ? `(${term.text.split(' ').map(quoted).join(' <-> ')})`
      : term.kind === 'prefix'
        ? prefixText(term.text)
        : quoted(term.text);
  return term.negated ? `!${text}` : text;
}

/**
 * The search box's text as `to_tsquery` input (words, "phrases", prefix*, -exclusions, or). Terms
 * hold only letters and digits, so quoting them cannot break out of the syntax.
 */
export function tsQueryText(search: string): string {
  return parseSearchQuery(search)
    .map((group) => `(${group.map(termText).join(' & ')})`)
    .join(' | ');
}

/** Any one of the query's wanted terms (for partial headline matches). */
function anyTermText(search: string): string {
  return parseSearchQuery(search)
    .flat()
    .filter((term) => !term.negated)
    .map(termText)
    .join(' | ');
}

/**
 * The parsed query as a FROM item `q("query", "any")` (the query, and any one of its terms), so a
 * statement parses it once.
 */
export function searchQueryFrom(search: string): Prisma.Sql {
  return Prisma.sql`(VALUES (to_tsquery('english', ${tsQueryText(search)}), to_tsquery('english', ${anyTermText(search)}))) AS q("query", "any")`;
}

/**
 * Relevance of `vector` to `q`: the whole query in the headline (2), in the headline or
 * standfirst (1), part of it in the headline (0.5), then cover density normalised by length and
 * squashed below 0.5 — so a headline match outranks any number of passing mentions in a body.
 */
export function searchScoreSql(vector: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    CASE WHEN ts_filter(${vector}, '{a}') @@ q."query" THEN 2 ELSE 0 END +
    CASE WHEN ts_filter(${vector}, '{a,b}') @@ q."query" THEN 1 ELSE 0 END +
    CASE WHEN ts_filter(${vector}, '{a}') @@ q."any" THEN 0.5 ELSE 0 END +
    ts_rank_cd(${vector}, q."query", 1 | 32) / 2
  )::float8`;
}
