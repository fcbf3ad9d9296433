/**
 * The built-in analysis pipeline for one article. Pure and deterministic:
 * the same input and registry index always give the same result.
 */
import { AppError } from '../errors/app-error.js';
import { TOPIC_TAXONOMY } from '../topics/taxonomy.js';
import { composeAnalysis } from './compose-analysis.js';
import type { AnalysisResult, AnalyzeInput } from './contract.js';
import { buildCompanyMentions, type CompanyCandidate } from './entities/build-company-mentions.js';
import { aliasKey, type RegistryIndex } from './entities/build-registry-index.js';
import { detectOrganizations } from './entities/detect-organizations.js';
import { matchCompanies } from './entities/match-companies.js';
import { detectEvents, type DetectedEvents } from './importance/detect-events.js';
import { scoreImportance } from './importance/score-importance.js';
import { scoreArticleSentiment } from './sentiment/score-article.js';
import { rankSentences } from './summarize/rank-sentences.js';
import { selectSummary } from './summarize/select-summary.js';
import { selectTakeaways } from './summarize/select-takeaways.js';
import { settleTentativeRatings } from './text/analyst-rating.js';
import { detectLanguage } from './text/detect-language.js';
import { prepareDocument } from './text/prepare-document.js';
import { classifyTopics } from './topics/classify-topics.js';

function eventsAbout(events: DetectedEvents, subjectSentences: readonly number[]): string[] {
  const subject = new Set(subjectSentences);
  return events.types.filter((type) => (events.sentences.get(type) ?? []).some((i) => subject.has(i)));
}

const TOPIC_NAMES = new Map<string, string>(TOPIC_TAXONOMY.map((t) => [t.slug, t.name]));

export interface AnalyzerIdentity {
  name: string;
  version: string;
}

export function analyzeArticle({
  input,
  index,
  analyzer,
}: {
  input: AnalyzeInput;
  index: RegistryIndex;
  analyzer: AnalyzerIdentity;
}): AnalysisResult {
  const doc = prepareDocument({ title: input.title, text: input.text });
  if (doc.sentences.length === 0)
    throw new AppError('INVALID_INPUT', 'An article needs a title or text to analyze.');

  const declared = input.language?.trim().toLowerCase().slice(0, 2);
  const language = declared && /^[a-z]{2}$/.test(declared) ? declared : detectLanguage(doc.sentences);

  const sentiment = scoreArticleSentiment({ sentences: doc.sentences });

  const registryMatches = matchCompanies({ sentences: doc.sentences, index });
  // "Harbor Ridge upgrades Fabrikam" is a rating, "Apple upgrades MacBook Air" is not.
  settleTentativeRatings(
    doc.sentences,
    registryMatches.flatMap((m) => m.mentions),
  );
  const organizations = detectOrganizations({
    sentences: doc.sentences,
    isKnown: (name) => index.knownNames.has(aliasKey(name)),
  });
  const candidates: CompanyCandidate[] = [
    ...registryMatches.map((m) => ({ entry: m.entry, name: m.entry.name, mentions: m.mentions })),
    ...organizations.map((o) => ({ entry: null, name: o.name, mentions: o.mentions })),
  ];
  const companies = buildCompanyMentions({ candidates, scored: sentiment.scored });

  const names = candidates.flatMap((c) => c.mentions);
  const topics = classifyTopics({
    sentences: doc.sentences,
    companies: companies.map((c) => ({ sector: c.entry?.sector ?? null, relevance: c.relevance })),
    names,
  });
  const events = detectEvents({ sentences: doc.sentences, names });
  const importance = scoreImportance({
    events,
    companies: companies.map((c) => ({
      prominence: c.entry ? (c.entry.prominence ?? 1) : null,
      relevance: c.relevance,
    })),
    coverage: input.coverage,
    sentimentScore: sentiment.score,
  });

  const ranked = rankSentences({ body: doc.body, headline: doc.headline });
  const summary = selectSummary({ ranked, headline: doc.headline });
  const topicNames = topics.map((t) => TOPIC_NAMES.get(t.slug) ?? t.slug);
  const facts = [
    companies.length > 0 ? `Companies mentioned: ${companies.map((c) => c.name).join(', ')}.` : '',
    topicNames.length > 0 ? `Topics: ${topicNames.join(', ')}.` : '',
    `Overall tone: ${sentiment.label}.`,
    'The article gives no further detail.',
  ].filter(Boolean);
  const evidence = new Set(
    sentiment.scored.filter((s) => s.sentiment.hits.length > 0).map((s) => s.sentence.index),
  );
  const takeaways = selectTakeaways({
    ranked,
    summary: summary.picked,
    headline: doc.headline,
    evidence,
    facts,
  });

  const rankedBody = [...ranked]
    .sort((a, b) => b.rank - a.rank || a.sentence.index - b.sentence.index)
    .map((r) => r.sentence);
  const analysis = composeAnalysis({
    headline: doc.headline,
    lead: doc.body.find((s) => !s.tableRow) ?? null,
    label: sentiment.label,
    score: sentiment.score,
    scored: sentiment.scored,
    companies,
    topicNames,
    // The template states an event only where a rule fired in a sentence about the article's subject
    // (the headline when no company is named), so a side remark does not become "the story".
    eventTypes: eventsAbout(events, companies[0]?.sentenceIndexes ?? [doc.headline?.index ?? 0]),
    rankedBody,
  });

  return {
    sentiment: { label: sentiment.label, score: sentiment.score, confidence: sentiment.confidence },
    importance,
    summary: summary.text,
    analysis,
    takeaways,
    companies: companies.map(({ entry: _entry, sentenceIndexes: _indexes, ...mention }) => mention),
    topics,
    language,
    analyzer: { name: analyzer.name, version: analyzer.version, model: null },
    eventTypes: events.types,
  };
}
