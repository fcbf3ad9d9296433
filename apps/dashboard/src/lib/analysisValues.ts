import {
  formatScore,
  sentimentLabelFromScore,
  sentimentLabelText,
  type DiffField,
  type SentimentLabel,
} from '@wirelens/ui';

/** Analysis values in one shape for diffs: AI runs, history snapshots and conflict values all map onto it. */
export interface ComparableValues {
  sentimentLabel: SentimentLabel | null;
  sentimentScore: number | null;
  importance: number | null;
  summary: string | null;
  paragraphs: string[] | null;
  takeaways: string[] | null;
  /** "Name · relevance · score" lines, so a diff reads without ids. */
  companies: string[] | null;
  topics: string[] | null;
}

export interface NameLookup {
  company: (id: string | number) => string;
  topic: (id: string | number) => string;
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const strings = (value: unknown): string[] | null =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : null;

const LABELS: readonly string[] = ['BEARISH', 'SOMEWHAT_BEARISH', 'NEUTRAL', 'SOMEWHAT_BULLISH', 'BULLISH'];
const label = (value: unknown): SentimentLabel | null =>
  typeof value === 'string' && LABELS.includes(value) ? (value as SentimentLabel) : null;

const percent = (value: number) => `${Math.round(value * 100)}%`;

function companyLines(
  value: unknown,
  names: NameLookup,
  idKey: 'companyId' | 'resolvedCompanyId',
): string[] | null {
  if (!Array.isArray(value)) return null;
  return value.flatMap((item) => {
    if (!isRecord(item)) return [];
    const id = item[idKey];
    if (typeof id !== 'number' && typeof id !== 'string') return [];
    const relevance = num(item.relevance);
    const score = num(item.sentimentScore);
    return [
      `${names.company(id)} · relevance ${relevance === null ? '?' : percent(relevance)} · ${score === null ? '?' : formatScore(score)}`,
    ];
  });
}

function topicLines(value: unknown, names: NameLookup): string[] | null {
  if (!Array.isArray(value)) return null;
  return value.flatMap((item) => {
    if (!isRecord(item)) return [];
    const id = item.topicId;
    if (typeof id !== 'number' && typeof id !== 'string') return [];
    const relevance = num(item.relevance);
    return [`${names.topic(id)} · relevance ${relevance === null ? '?' : percent(relevance)}`];
  });
}

/** A history snapshot (`Correction.before` / `after`) or conflict values (companies/topics keyed by id). */
export function snapshotValues(snapshot: unknown, names: NameLookup): ComparableValues {
  const value = isRecord(snapshot) ? snapshot : {};
  return {
    sentimentLabel: label(value.sentimentLabel),
    sentimentScore: num(value.sentimentScore),
    importance: num(value.importance),
    summary: str(value.summary),
    paragraphs: strings(value.paragraphs),
    takeaways: strings(value.takeaways),
    companies: companyLines(value.companies, names, 'companyId'),
    topics: topicLines(value.topics, names),
  };
}

/** An AI run (`Analysis`): companies are stored as mentions with the registry id they resolved to. */
export function aiRunValues(
  run: {
    sentimentLabel: SentimentLabel;
    sentimentScore: number;
    importance: number;
    summary: string;
    paragraphs: readonly string[];
    takeaways: readonly string[];
    companies: unknown;
    topics: unknown;
  },
  names: NameLookup,
): ComparableValues {
  return {
    sentimentLabel: run.sentimentLabel,
    sentimentScore: run.sentimentScore,
    importance: run.importance,
    summary: run.summary,
    paragraphs: [...run.paragraphs],
    takeaways: [...run.takeaways],
    companies: companyLines(run.companies, names, 'resolvedCompanyId'),
    topics: topicLines(run.topics, names),
  };
}

export const VALUE_FIELDS: readonly DiffField<ComparableValues>[] = [
  {
    key: 'sentimentLabel',
    label: 'Sentiment',
    format: (value) => sentimentLabelText(value as SentimentLabel),
  },
  { key: 'sentimentScore', label: 'Score', format: (value) => formatScore(value as number) },
  { key: 'importance', label: 'Importance', format: (value) => `${String(value)}/10` },
  { key: 'summary', label: 'Summary' },
  { key: 'paragraphs', label: 'Analysis' },
  { key: 'takeaways', label: 'Takeaways' },
  { key: 'companies', label: 'Companies' },
  { key: 'topics', label: 'Topics' },
];

/**
 * For comparing one side with another: the score with the label it implies ("Bullish +0.80"). A score saved
 * alone takes that label on the server, so a change of score alone still shows what happens to the label.
 */
export const VALUE_FIELDS_WITH_IMPLIED_LABEL: readonly DiffField<ComparableValues>[] = VALUE_FIELDS.map(
  (field) =>
    field.key === 'sentimentScore'
      ? {
          ...field,
          format: (value) =>
            `${sentimentLabelText(sentimentLabelFromScore(value as number))} ${formatScore(value as number)}`,
        }
      : field,
);
