/**
 * Retrieval of the corrected articles most like a new one, for the LLM
 * analyzer's prompt: TF-IDF weighted word vectors compared by cosine. Enough
 * for "the same kind of story" among a deployment's few thousand corrections,
 * with nothing to download.
 */
import type { AnalyzeInput, SentimentLabel } from '../analysis/contract.js';
import { tokenize } from './hashed-features.js';

/** An article as editors settled it, in the words a prompt can show. */
export interface CorrectedExample {
  title: string;
  /** The opening of the article's text. */
  text: string;
  sentimentLabel: SentimentLabel;
  sentimentScore: number;
  /** Company names the editors kept. */
  companies: string[];
  /** Topic slugs the editors kept. */
  topics: string[];
}

export interface ExampleRetriever {
  readonly size: number;
  /** Up to `k` examples with any word in common, most similar first. */
  nearest(input: Pick<AnalyzeInput, 'title' | 'text'>, k: number): CorrectedExample[];
}

const LEAD_CHARS = 600;
/** Words this common in English carry no topic. */
const STOP = new Set(
  'a an and are as at be by for from has have in is it its of on or said says that the to was were will with'.split(
    ' ',
  ),
);

function termCounts(title: string, text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokenize(`${title} ${title} ${text.slice(0, LEAD_CHARS)}`)) {
    if (STOP.has(token) || token.length < 2) continue;
    counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}

export function createExampleRetriever(examples: readonly CorrectedExample[]): ExampleRetriever {
  const documents = examples.map((example) => termCounts(example.title, example.text));
  const documentFrequency = new Map<string, number>();
  for (const counts of documents)
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const idf = (term: string) =>
    Math.log((1 + documents.length) / (1 + (documentFrequency.get(term) ?? 0))) + 1;
  const weigh = (counts: Map<string, number>) => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of counts) {
      const weight = (1 + Math.log(count)) * idf(term);
      vector.set(term, weight);
      norm += weight * weight;
    }
    return { vector, norm: Math.sqrt(norm) };
  };
  const vectors = documents.map(weigh);
  return {
    size: examples.length,
    nearest(input, k) {
      const query = weigh(termCounts(input.title, input.text));
      if (query.norm === 0) return [];
      return vectors
        .map(({ vector, norm }, i) => {
          let dot = 0;
          for (const [term, weight] of query.vector) dot += weight * (vector.get(term) ?? 0);
          return { i, similarity: norm === 0 ? 0 : dot / (norm * query.norm) };
        })
        .filter((hit) => hit.similarity > 0)
        .sort((a, b) => b.similarity - a.similarity || a.i - b.i)
        .slice(0, k)
        .flatMap((hit) => examples[hit.i] ?? []);
    },
  };
}
