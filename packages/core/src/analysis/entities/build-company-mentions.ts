/**
 * Turns matched registry companies and proposed organisations into the
 * contract's company list: relevance from position and frequency, and
 * target-dependent sentiment from the sentences that mention each one.
 *
 * relevance = 0.45·[named in headline] + 0.2·[named in the first two body sentences]
 *           + 0.35·min(1, mentions / 4), at least 0.05, at most 1.
 *
 * The broker of a rating statement ("Goldman Sachs upgrades Acme to Buy") is
 * not what the sentence is about: its mention there carries no tone, counts
 * as a lead mention rather than a headline one, and does not draw tone away
 * from the rated company.
 *
 * A wire-service results table ("Shr 80 cts vs 72 cts") names no company: its
 * rows belong to the company the headline names first, and count toward that
 * company's tone.
 */
import type { CompanyMention, CompanyRegistryEntry } from '../contract.js';
import { dilutedMean, round, sentenceWeight, type ScoredSentence } from '../sentiment/score-article.js';
import { scoreTarget, type TokenRange } from '../sentiment/score-target.js';
import type { DocSentence } from '../text/prepare-document.js';
import type { Mention } from './match-companies.js';

export interface CompanyCandidate {
  entry: CompanyRegistryEntry | null;
  name: string;
  mentions: Mention[];
}

export interface ResolvedCompany extends CompanyMention {
  entry: CompanyRegistryEntry | null;
  /** Sentences that name the company (or, for the headline company, its results table). */
  sentenceIndexes: number[];
}

const MAX_SENTENCES = 5;
/** How close before the rating verb a name must end to be the one doing the rating. */
const RATER_REACH = 3;

function isRater(range: TokenRange, sentence: DocSentence): boolean {
  const verb = sentence.rating?.verb;
  return verb !== undefined && range.end <= verb && verb - range.end <= RATER_REACH;
}

export function buildCompanyMentions({
  candidates,
  scored,
}: {
  candidates: readonly CompanyCandidate[];
  scored: readonly ScoredSentence[];
}): ResolvedCompany[] {
  const rangesBySentence = new Map<number, { owner: CompanyCandidate; range: TokenRange }[]>();
  for (const candidate of candidates) {
    for (const mention of candidate.mentions) {
      const list = rangesBySentence.get(mention.sentenceIndex) ?? [];
      list.push({ owner: candidate, range: mention });
      rangesBySentence.set(mention.sentenceIndex, list);
    }
  }

  const headlineOwner = candidates
    .flatMap((candidate) =>
      candidate.mentions
        .filter((m) => scored[m.sentenceIndex]?.sentence.isHeadline === true)
        .filter((m) => {
          const sentence = scored[m.sentenceIndex]?.sentence;
          return sentence !== undefined && !isRater(m, sentence);
        })
        .map((m) => ({ candidate, start: m.start })),
    )
    .sort((a, b) => a.start - b.start)[0]?.candidate;
  const tableRows = scored.filter((s) => s.sentence.tableRow && s.sentiment.hits.length > 0);

  const companies = candidates.map((candidate): ResolvedCompany => {
    const sentenceIndexes = [...new Set(candidate.mentions.map((m) => m.sentenceIndex))].sort(
      (a, b) => a - b,
    );
    const items: { score: number; weight: number; hasEvidence: boolean }[] = [];
    let inHeadline = false;
    let inLead = false;
    for (const sentenceIndex of sentenceIndexes) {
      const item = scored[sentenceIndex];
      if (item === undefined) continue;
      const inSentence = rangesBySentence.get(sentenceIndex) ?? [];
      const target = inSentence.filter((r) => r.owner === candidate).map((r) => r.range);
      if (target.every((range) => isRater(range, item.sentence))) {
        inLead = true;
        items.push({ score: 0, weight: sentenceWeight(item.sentence), hasEvidence: false });
        continue;
      }
      if (item.sentence.isHeadline) inHeadline = true;
      else if (item.sentence.bodyPosition < 2) inLead = true;
      const others = inSentence
        .filter((r) => r.owner !== candidate && !isRater(r.range, item.sentence))
        .map((r) => r.range);
      const result = scoreTarget({ tokens: item.sentence.tokens, sentiment: item.sentiment, target, others });
      items.push({
        score: result.score,
        weight: sentenceWeight(item.sentence),
        hasEvidence: result.hasEvidence,
      });
    }
    if (candidate === headlineOwner)
      for (const row of tableRows)
        items.push({ score: row.sentiment.score, weight: sentenceWeight(row.sentence), hasEvidence: true });
    const frequency = Math.min(1, candidate.mentions.length / 4);
    const relevance = Math.min(
      1,
      Math.max(0.05, 0.45 * Number(inHeadline) + 0.2 * Number(inLead) + 0.35 * frequency),
    );
    const sentences: string[] = [];
    for (const i of sentenceIndexes) {
      const text = scored[i]?.sentence.text;
      if (text !== undefined && sentences.length < MAX_SENTENCES) sentences.push(text);
    }
    return {
      entry: candidate.entry,
      sentenceIndexes:
        candidate === headlineOwner
          ? [...sentenceIndexes, ...tableRows.map((row) => row.sentence.index)]
          : sentenceIndexes,
      companyId: candidate.entry?.id ?? null,
      proposedName: candidate.entry ? null : candidate.name,
      name: candidate.entry?.name ?? candidate.name,
      relevance: round(relevance, 3),
      sentimentScore: round(Math.max(-1, Math.min(1, dilutedMean(items)))),
      sentences,
    };
  });
  return companies.sort((a, b) => b.relevance - a.relevance || a.name.localeCompare(b.name));
}
