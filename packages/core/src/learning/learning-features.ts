/**
 * What the learned layer sees of an article or a company mention: the words
 * (hashed unigrams and bigrams) and what the built-in analyzer concluded (its
 * label, score, confidence, events and topics), so the model learns when to
 * trust the rules and when the words say otherwise.
 */
import {
  labelForScore,
  type AnalysisResult,
  type AnalyzeInput,
  type CompanyMention,
} from '../analysis/contract.js';
import { FeatureBuilder, tokenize, type SparseVector } from './hashed-features.js';

/** The title and the opening of the text carry the story's tone; the rest adds noise and time. */
const LEAD_WORDS = 60;
// Tokenising a whole article to keep its first 60 words cost more than the model itself; 60 words
// of news prose fit in well under this many characters (a word and its space average ~6–7).
const LEAD_CHARS = 1_500;

function leadTokens(input: AnalyzeInput): string[] {
  return [...tokenize(input.title), ...tokenize(input.text.slice(0, LEAD_CHARS)).slice(0, LEAD_WORDS)];
}

export function articleFeatures(input: AnalyzeInput, builtin: AnalysisResult, bits: number): SparseVector {
  const features = new FeatureBuilder(bits).addNgrams('w:', leadTokens(input));
  features.add(`b:label=${builtin.sentiment.label}`);
  features.add('b:score', builtin.sentiment.score);
  features.add('b:confidence', builtin.sentiment.confidence);
  for (const event of builtin.eventTypes) features.add(`b:event=${event}`);
  for (const topic of builtin.topics) features.add(`b:topic=${topic.slug}`, topic.relevance);
  return features.build();
}

function mentionTokens(input: AnalyzeInput, mention: CompanyMention): string[] {
  return mention.sentences.length > 0 ? tokenize(mention.sentences.join(' ')) : tokenize(input.title);
}

/** What the company head sees of a tone: the words, the rules' label and score, the article's label, the relevance. */
function toneFeatures(
  tokens: readonly string[],
  rules: { label: string; score: number },
  articleLabel: string,
  relevance: number,
  bits: number,
): SparseVector {
  const features = new FeatureBuilder(bits).addNgrams('w:', tokens);
  features.add(`b:label=${rules.label}`);
  features.add('b:score', rules.score);
  features.add(`b:article=${articleLabel}`);
  features.add('b:relevance', relevance);
  return features.build();
}

/** Tone toward one company: the sentences that mention it and the built-in score for it. */
export function mentionSentimentFeatures(
  input: AnalyzeInput,
  mention: CompanyMention,
  builtin: AnalysisResult,
  bits: number,
): SparseVector {
  const score = mention.sentimentScore;
  const rules = { label: labelForScore(score), score };
  return toneFeatures(mentionTokens(input, mention), rules, builtin.sentiment.label, mention.relevance, bits);
}

/**
 * A corrected article read as a mention of its subject, for the company head: the lead's words
 * stand for the mention's sentences, the article's rules score for the mention's.
 */
export function articleMentionFeatures(
  input: AnalyzeInput,
  builtin: AnalysisResult,
  bits: number,
): SparseVector {
  return toneFeatures(leadTokens(input), builtin.sentiment, builtin.sentiment.label, 1, bits);
}

/** The words right before and after each place the matched name appears. */
function nameContext(input: AnalyzeInput, mention: CompanyMention): string[] {
  const name = tokenize(mention.name);
  const sentences = mention.sentences.length > 0 ? mention.sentences : [input.title];
  const context: string[] = [];
  for (const sentence of sentences) {
    const tokens = tokenize(sentence);
    for (let i = 0; i + name.length <= tokens.length; i++) {
      if (!name.every((part, k) => tokens[i + k] === part)) continue;
      context.push(`${tokens[i - 1] ?? '^'}_`, `_${tokens[i + name.length] ?? '$'}`);
    }
  }
  return context;
}

/**
 * Whether a matched company belongs in the article: the company itself, the words around its
 * name (generally and for this company), the matched form, and how relevant the rules found it.
 */
export function mentionKeepFeatures(
  input: AnalyzeInput,
  mention: CompanyMention,
  bits: number,
): SparseVector {
  const features = new FeatureBuilder(bits);
  const company = `c=${mention.companyId ?? mention.name.toLowerCase()}`;
  features.add(company);
  features.add(`n=${mention.name.toLowerCase()}`);
  features.add('b:relevance', mention.relevance);
  for (const context of nameContext(input, mention)) {
    features.add(`x:${context}`);
    features.add(`${company}|x:${context}`);
  }
  const words = new Set(mentionTokens(input, mention));
  const scale = words.size > 0 ? 1 / Math.sqrt(words.size) : 0;
  for (const word of words) features.add(`${company}|w:${word}`, scale);
  return features.build();
}
