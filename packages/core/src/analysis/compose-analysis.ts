/**
 * The "Analysis" section: 3–5 paragraphs of fixed connective text around
 * facts extracted from the article — actors and event, the sentences that
 * drove the sentiment, each company's tone, and forward-looking statements.
 * Only quoted article sentences, company and topic names and tone words are
 * inserted, so the paragraphs never contain a figure the article lacks. Rows
 * of a results table are data, never quoted as statements; "Looking ahead"
 * quotes only sentences about what is still to come.
 */
import type { SentimentLabel } from './contract.js';
import type { ScoredSentence } from './sentiment/score-article.js';
import type { DocSentence } from './text/prepare-document.js';

export interface AnalysisFacts {
  headline: DocSentence | null;
  lead: DocSentence | null;
  label: SentimentLabel;
  score: number;
  scored: readonly ScoredSentence[];
  companies: readonly { name: string; sentimentScore: number; relevance: number }[];
  topicNames: readonly string[];
  eventTypes: readonly string[];
  /** Body sentences in rank order, best first. */
  rankedBody: readonly DocSentence[];
}

const MAX_COMPANIES = 4;
const STRONG_FUTURE_RE =
  /\b(will|'ll|expects?|(?:is|are) expected to|plans? to|intends? to|aims? to|forecasts? (?:that|a|an)|sees|next (?:year|quarter|month|week)|later this (?:year|month|quarter)|upcoming|(?:is|are) scheduled|(?:is|are) set to|(?:is|are) due to|going forward|in the coming)\b/i;
const WEAK_FUTURE_RE = /\b(would|could|may|might)\b/i;
/**
 * Expectations already settled: "than expected", "analysts had expected", "beat forecasts".
 * A sentence whose only future word sits in one of these looks back, not ahead.
 */
const SETTLED_EXPECTATION_RE =
  /\b(?:than (?:had been |was |were )?(?:expected|forecast|anticipated|estimated)|(?:had|have|were|was) (?:been )?expected|as expected|(?:beat|beats|missed|misses|topped|exceeded) (?:\w+ ){0,2}(?:expectations|estimates|forecasts)|(?:raised|cut|lowered|lifted|trimmed) (?:its |their )?(?:\w+ )?(?:outlook|guidance|forecast))\b/gi;

const EVENT_PHRASES: Record<string, string> = {
  'export-controls': 'export controls or sanctions',
  bankruptcy: 'an insolvency',
  'merger-acquisition': 'a merger or acquisition',
  'earnings-surprise': 'results measured against expectations',
  'major-outage': 'an outage or security incident',
  'guidance-change': "a company's outlook or a change to it",
  'lawsuit-fine': 'legal action or a fine',
  regulation: 'regulatory action',
  recall: 'a product recall',
  ipo: 'a stock market listing',
  layoffs: 'job cuts',
  'leadership-change': 'a leadership change',
  earnings: 'financial results',
  'analyst-rating': "an analyst's rating or price target",
  'product-launch': 'a product launch',
  'partnership-contract': 'a partnership or contract',
  'review-opinion': 'a review or opinion',
};

function toneWord(score: number): string {
  if (score <= -0.35) return 'clearly negative';
  if (score <= -0.15) return 'somewhat negative';
  if (score < 0.15) return 'neutral';
  if (score < 0.35) return 'somewhat positive';
  return 'clearly positive';
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

function quote(text: string): string {
  return `“${text.replace(/\s+/g, ' ').trim()}”`;
}

/** Closes a sentence unless it already ends in punctuation (inside a closing quote or not). */
function closeSentence(text: string): string {
  return /[.!?][”"']?$/.test(text) ? text : `${text}.`;
}

export function composeAnalysis(facts: AnalysisFacts): string[] {
  const used = new Set<string>();
  const paragraphs: string[] = [];

  // 1. What happened, and who is involved.
  const opening = facts.lead ?? facts.headline;
  const named = facts.companies.slice(0, MAX_COMPANIES).map((c) => c.name);
  const events = facts.eventTypes.slice(0, 2).map((t) => EVENT_PHRASES[t] ?? t);
  let first = opening
    ? `The article reports: ${quote(opening.text)}`
    : 'The article gives no lead statement.';
  if (opening) used.add(opening.text);
  if (named.length === 1) first += ` The company at the centre of the story is ${named[0] ?? ''}.`;
  else if (named.length > 1) first += ` The companies at the centre of the story are ${listNames(named)}.`;
  if (events.length > 0) first += ` The story concerns ${listNames(events)}.`;
  paragraphs.push(first);

  // 2. Why the tone is what it is: the sentences that moved the score most.
  const direction = Math.sign(facts.score);
  const drivers = [...facts.scored]
    .filter(
      (s) =>
        s.sentiment.hits.length > 0 &&
        !s.sentence.tableRow &&
        (direction === 0 || Math.sign(s.sentiment.score) === direction) &&
        !used.has(s.sentence.text),
    )
    .sort(
      (a, b) =>
        Math.abs(b.sentiment.score) * b.weight - Math.abs(a.sentiment.score) * a.weight ||
        a.sentence.index - b.sentence.index,
    )
    .slice(0, 2);
  let second = `The overall tone is ${toneWord(facts.score)} (${facts.label}).`;
  if (facts.label === 'Neutral' && drivers.length === 0) {
    second += ' Most statements are factual descriptions rather than reports of gains, losses or setbacks.';
  } else if (drivers.length > 0) {
    second += ` ${closeSentence(`It rests mainly on ${drivers.map((d) => quote(d.sentence.text)).join(' and ')}`)}`;
    for (const d of drivers) used.add(d.sentence.text);
  }
  const opposing = facts.scored.filter(
    (s) => s.sentiment.hits.length > 0 && direction !== 0 && Math.sign(s.sentiment.score) === -direction,
  );
  if (opposing.length > 0) second += ' Some statements point the other way, so the picture is mixed.';
  paragraphs.push(second);

  // 3. Who is affected and how.
  if (facts.companies.length > 0) {
    const parts = facts.companies
      .slice(0, MAX_COMPANIES)
      .map((c) => `for ${c.name} it reads ${toneWord(c.sentimentScore)}`);
    let third = `Read company by company, ${listNames(parts)}.`;
    const main = facts.companies[0];
    if (main && facts.companies.length > 1)
      third += ` ${main.name} is the most prominent of them in the article.`;
    paragraphs.push(third);
  } else {
    const topics =
      facts.topicNames.length > 0 ? ` It falls under ${listNames(facts.topicNames.slice(0, 3))}.` : '';
    paragraphs.push(`No company from the registry or other organisation is named as a main actor.${topics}`);
  }

  // 4. What to watch.
  // Explicit plans and expectations first, then conditional statements, each group in rank order.
  // Settled expectations ("than expected", "beat forecasts") are removed before looking for the future.
  const strong: DocSentence[] = [];
  const weak: DocSentence[] = [];
  for (const s of facts.rankedBody) {
    if (s.tableRow || used.has(s.text)) continue;
    const strongRaw = STRONG_FUTURE_RE.test(s.text);
    if (!strongRaw && (weak.length >= 2 || !WEAK_FUTURE_RE.test(s.text))) continue;
    const open = s.text.replace(SETTLED_EXPECTATION_RE, ' ');
    if (strongRaw && STRONG_FUTURE_RE.test(open)) strong.push(s);
    else if (weak.length < 2 && WEAK_FUTURE_RE.test(open)) weak.push(s);
    if (strong.length >= 2) break;
  }
  const ahead = [...strong, ...weak].slice(0, 2);
  if (ahead.length > 0) {
    paragraphs.push(
      closeSentence(`Looking ahead, the article points to ${ahead.map((s) => quote(s.text)).join(' and ')}`),
    );
  } else {
    paragraphs.push(
      'The article does not say what happens next; follow-up reports will show the consequences.',
    );
  }

  // 5. Where the story sits.
  if (facts.topicNames.length > 0 && facts.companies.length > 0) {
    paragraphs.push(`The story is filed under ${listNames(facts.topicNames.slice(0, 3))}.`);
  }
  return paragraphs;
}
