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

/** Values as the API returns them (AnalysisValues): companies and topics come with their names. */
export interface NamedValues {
  sentimentLabel?: SentimentLabel | null;
  sentimentScore?: number | null;
  importance?: number | null;
  summary?: string | null;
  paragraphs?: readonly string[] | null;
  takeaways?: readonly string[] | null;
  companies?:
    readonly { company: { name: string } | null; relevance: number; sentimentScore: number }[] | null;
  topics?: readonly { topic: { name: string } | null; relevance: number }[] | null;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

const companyLine = (name: string, relevance: number, score: number) =>
  `${name} · relevance ${percent(relevance)} · ${formatScore(score)}`;
const topicLine = (name: string, relevance: number) => `${name} · relevance ${percent(relevance)}`;

/** A history snapshot (`Correction.after`), conflict values or the editor's own (named by the form). */
export function snapshotValues(values: NamedValues): ComparableValues {
  return {
    sentimentLabel: values.sentimentLabel ?? null,
    sentimentScore: values.sentimentScore ?? null,
    importance: values.importance ?? null,
    summary: values.summary ?? null,
    paragraphs: values.paragraphs ? [...values.paragraphs] : null,
    takeaways: values.takeaways ? [...values.takeaways] : null,
    companies:
      values.companies?.map((c) =>
        companyLine(c.company?.name ?? 'A removed company', c.relevance, c.sentimentScore),
      ) ?? null,
    topics: values.topics?.map((t) => topicLine(t.topic?.name ?? 'A removed topic', t.relevance)) ?? null,
  };
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * An AI run (`Analysis`): its companies are the analyzer's mentions (each with the name it used),
 * its topics are stored by slug; `topicName` names a slug.
 */
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
  topicName: (slug: string) => string,
): ComparableValues {
  const records = (value: unknown) => (Array.isArray(value) ? value.filter(isRecord) : []);
  return {
    sentimentLabel: run.sentimentLabel,
    sentimentScore: run.sentimentScore,
    importance: run.importance,
    summary: run.summary,
    paragraphs: [...run.paragraphs],
    takeaways: [...run.takeaways],
    companies: records(run.companies).map((m) =>
      companyLine(
        typeof m.name === 'string' ? m.name : '?',
        num(m.relevance) ?? 0,
        num(m.sentimentScore) ?? 0,
      ),
    ),
    topics: records(run.topics).map((t) =>
      topicLine(typeof t.slug === 'string' ? topicName(t.slug) : '?', num(t.relevance) ?? 0),
    ),
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
