/**
 * Sports stories use the words of deals: a club "agrees to buy" a striker, "rejects a bid from" a
 * rival, "completes the purchase of" a draft pick. An article is in a sports context when it uses
 * at least MIN_DISTINCT different words of the game (positions, leagues, transfers, scoring); there
 * the everyday deal words (to buy, bid, purchase) name a transfer, and only the unmistakable ones
 * (acquisition, merger, takeover) still name a corporate transaction ("takeover of the club").
 * One word alone is not enough: "Paris Club", "policy goal" and "market players" are financial.
 */
import { expandPatterns, PhraseMatcher } from './phrase-matcher.js';
import type { Token } from './tokenize.js';

const MIN_DISTINCT = 2;

const SPORTS_WORDS =
  'striker|strikers|midfielder|midfielders|defender|defenders|goalkeeper|goalkeepers|winger|quarterback|pitcher|pitchers|shortstop|outfielder|linebacker|point guard|' +
  'club|clubs|league|premier league|champions league|world cup|nba|nfl|mlb|nhl|fifa|uefa|playoffs|play-offs|' +
  'transfer fee|transfer window|transfer saga|draft pick|free agent|goals|scored|coach|squad';

const MATCHER = new PhraseMatcher<true>(expandPatterns(SPORTS_WORDS).map((p) => [p, true] as const));

export function isSportsContext(sentences: readonly { tokens: readonly Token[] }[]): boolean {
  const seen = new Set<string>();
  for (const sentence of sentences) {
    for (const match of MATCHER.matchAll(sentence.tokens)) {
      seen.add(
        sentence.tokens
          .slice(match.start, match.end)
          .map((t) => t.lower)
          .join(' '),
      );
      if (seen.size >= MIN_DISTINCT) return true;
    }
  }
  return false;
}
