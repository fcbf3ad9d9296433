import { sentimentLabelFromScore, sentimentLabelText, type SentimentLabel } from '@wirelens/ui';

import type { NamedValues } from './analysisValues.js';

/** The edit form's state: text as typed, so half-typed numbers ("-0.") are not lost while editing. */
export interface AnalysisFormValues {
  sentimentLabel: SentimentLabel;
  sentimentScore: string;
  importance: string;
  summary: string;
  /** Paragraphs separated by a blank line. */
  paragraphs: string;
  /** One takeaway per line. */
  takeaways: string;
  companies: { companyId: string; name: string; relevance: string; sentimentScore: string }[];
  topics: { topicId: string; name: string; relevance: string }[];
  note: string;
}

/** What `correctAnalysis` takes, minus the article and version. */
export interface CorrectionPayload {
  sentimentLabel?: SentimentLabel;
  sentimentScore?: number;
  importance?: number;
  summary?: string;
  paragraphs?: string[];
  takeaways?: string[];
  companies?: { companyId: string; relevance: number; sentimentScore: number }[];
  topics?: { topicId: string; relevance: number }[];
}

export type FormErrors = Partial<
  Record<keyof AnalysisFormValues | `companies.${number}` | `topics.${number}`, string>
>;

export const splitParagraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
export const splitLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function parseNumber(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

const inRange = (value: number | null, min: number, max: number): value is number =>
  value !== null && value >= min && value <= max;

/** Checks the form with the server's limits, so most mistakes are caught before a round trip. */
export function validateAnalysisForm(values: AnalysisFormValues, initial: AnalysisFormValues): FormErrors {
  const errors: FormErrors = {};
  const score = parseNumber(values.sentimentScore);
  if (!inRange(score, -1, 1)) errors.sentimentScore = 'Enter a score between −1 and 1.';
  const importance = parseNumber(values.importance);
  if (!inRange(importance, 1, 10) || !Number.isInteger(importance))
    errors.importance = 'Enter a whole number from 1 to 10.';
  if (values.summary.trim() === '') errors.summary = 'The summary must not be empty.';
  else if (values.summary.trim().length > 4000)
    errors.summary = 'The summary must be at most 4000 characters.';
  const paragraphs = splitParagraphs(values.paragraphs);
  if (paragraphs.length < 1 || paragraphs.length > 8)
    errors.paragraphs = 'Write 1 to 8 paragraphs, separated by a blank line.';
  else if (paragraphs.some((p) => p.length > 8000))
    errors.paragraphs = 'Each paragraph must be at most 8000 characters.';
  const takeaways = splitLines(values.takeaways);
  if (takeaways.length < 1 || takeaways.length > 10)
    errors.takeaways = 'Write 1 to 10 takeaways, one per line.';
  else if (takeaways.some((t) => t.length > 1000))
    errors.takeaways = 'Each takeaway must be at most 1000 characters.';
  values.companies.forEach((company, index) => {
    if (!inRange(parseNumber(company.relevance), 0, 1))
      errors[`companies.${index}`] = `${company.name}: relevance must be between 0 and 1.`;
    else if (!inRange(parseNumber(company.sentimentScore), -1, 1))
      errors[`companies.${index}`] = `${company.name}: sentiment must be between −1 and 1.`;
  });
  values.topics.forEach((topic, index) => {
    if (!inRange(parseNumber(topic.relevance), 0, 1))
      errors[`topics.${index}`] = `${topic.name}: relevance must be between 0 and 1.`;
  });
  if (values.note.length > 2000) errors.note = 'The note must be at most 2000 characters.';
  // A new label alone moves the score to that bucket on the server; a new score must agree with its label.
  if (
    score !== null &&
    !errors.sentimentScore &&
    values.sentimentScore.trim() !== initial.sentimentScore.trim()
  ) {
    const expected = sentimentLabelFromScore(score);
    if (expected !== values.sentimentLabel)
      errors.sentimentLabel = `A score of ${score} is ${sentimentLabelText(expected)}; change the label or the score so they agree.`;
  }
  return errors;
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Only the fields the editor changed: the server records exactly these as corrections, so untouched AI values
 * stay AI values (and keep updating when the article is re-analysed).
 */
export function correctionPayload(
  initial: AnalysisFormValues,
  values: AnalysisFormValues,
): CorrectionPayload {
  const payload: CorrectionPayload = {};
  if (values.sentimentScore.trim() !== initial.sentimentScore.trim())
    payload.sentimentScore = Number(values.sentimentScore);
  else if (values.sentimentLabel !== initial.sentimentLabel) payload.sentimentLabel = values.sentimentLabel;
  if (Number(values.importance) !== Number(initial.importance))
    payload.importance = Number(values.importance);
  if (values.summary.trim() !== initial.summary.trim()) payload.summary = values.summary.trim();
  const paragraphs = splitParagraphs(values.paragraphs);
  if (!sameList(paragraphs, splitParagraphs(initial.paragraphs))) payload.paragraphs = paragraphs;
  const takeaways = splitLines(values.takeaways);
  if (!sameList(takeaways, splitLines(initial.takeaways))) payload.takeaways = takeaways;
  const companies = values.companies.map((c) => ({
    companyId: c.companyId,
    relevance: Number(c.relevance),
    sentimentScore: Number(c.sentimentScore),
  }));
  const initialCompanies = initial.companies.map((c) => ({
    companyId: c.companyId,
    relevance: Number(c.relevance),
    sentimentScore: Number(c.sentimentScore),
  }));
  if (!sameList(companies, initialCompanies)) payload.companies = companies;
  const topics = values.topics.map((t) => ({ topicId: t.topicId, relevance: Number(t.relevance) }));
  const initialTopics = initial.topics.map((t) => ({ topicId: t.topicId, relevance: Number(t.relevance) }));
  if (!sameList(topics, initialTopics)) payload.topics = topics;
  return payload;
}

/** The editor's payload with the names the form showed, to compare it with values from the API. */
export function namedPayload(payload: CorrectionPayload, values: AnalysisFormValues): NamedValues {
  const companyName = (id: string) => values.companies.find((c) => c.companyId === id)?.name ?? id;
  const topicName = (id: string) => values.topics.find((t) => t.topicId === id)?.name ?? id;
  return {
    ...payload,
    companies: payload.companies?.map((c) => ({ ...c, company: { name: companyName(c.companyId) } })),
    topics: payload.topics?.map((t) => ({ ...t, topic: { name: topicName(t.topicId) } })),
  };
}
