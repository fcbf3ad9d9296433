/**
 * Key takeaways: 3–6 distinct statements taken from the article. Preference
 * goes to well-ranked sentences that carry sentiment evidence or figures and
 * that are not already in the summary. Short articles are split into clauses
 * (still verbatim text) and the headline may be used; only when the article
 * has fewer than three statements at all are plain facts about the analysis
 * added (companies named, topics, tone) — never invented content.
 */
import type { DocSentence } from '../text/prepare-document.js';
import { pickDistinct, type RankedSentence } from './rank-sentences.js';
import { NEAR_DUPLICATE } from './select-summary.js';

const TARGET = 5;
const MIN = 3;
const MAX = 6;
const MIN_CLAUSE_WORDS = 3;
const CLAUSE_SPLIT_RE =
  /\s*(?:;|:|\s[-–—]\s|,\s+(?:and|but|while|whereas|which|as|after|although)\s+|,\s+)\s*/;

export function selectTakeaways({
  ranked,
  summary,
  headline,
  evidence,
  facts,
}: {
  ranked: readonly RankedSentence[];
  summary: readonly RankedSentence[];
  headline: DocSentence | null;
  /** Sentence indexes whose sentences carry sentiment evidence. */
  evidence: ReadonlySet<number>;
  /** Derived, non-invented statements used only as a last resort. */
  facts: readonly string[];
}): string[] {
  const boosted = ranked.map((r) => ({
    ...r,
    rank:
      r.rank +
      (evidence.has(r.sentence.index) ? 0.15 : 0) +
      (r.sentence.tokens.some((t) => t.kind === 'number') ? 0.05 : 0),
  }));
  const fresh = pickDistinct(boosted, TARGET, NEAR_DUPLICATE, summary);
  const chosen =
    fresh.length >= MIN
      ? fresh
      : [...fresh, ...pickDistinct(summary, MIN - fresh.length, NEAR_DUPLICATE, fresh)];
  const out = chosen.sort((a, b) => a.sentence.index - b.sentence.index).map((r) => r.sentence.text);

  const add = (text: string) => {
    const trimmed = text.trim();
    if (trimmed && out.length < MAX && !out.some((o) => o.toLowerCase() === trimmed.toLowerCase()))
      out.push(trimmed);
  };
  if (out.length < MIN && headline) add(headline.text);
  if (out.length < MIN) {
    const sources = [...ranked.map((r) => r.sentence.text), ...(headline ? [headline.text] : [])];
    for (const source of sources) {
      for (const clause of source.split(CLAUSE_SPLIT_RE)) {
        if (out.length >= MIN) break;
        if (clause.split(/\s+/).length >= MIN_CLAUSE_WORDS && clause !== source)
          add(clause.replace(/[.,;:]+$/, ''));
      }
    }
  }
  for (const fact of facts) if (out.length < MIN) add(fact);
  return out.slice(0, MAX);
}
