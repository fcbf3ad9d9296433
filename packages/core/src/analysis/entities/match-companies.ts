/**
 * Finds registry companies in an article: aliases (longest match, case
 * checked), tickers ("$NVDA", "NASDAQ: NVDA", "(NYSE:JPM)", bare "NVDA"), with
 * possessives handled by the tokenizer ("Apple's" → "Apple"). Aliases that are
 * ordinary words need company context: a context word near the mention, or
 * the same company named unambiguously elsewhere in the article.
 */
import type { CompanyRegistryEntry } from '../contract.js';
import type { TokenRange } from '../sentiment/score-target.js';
import { expandPatterns, PhraseMatcher, wordSet, type PhraseMatch } from '../text/phrase-matcher.js';
import type { DocSentence } from '../text/prepare-document.js';
import { isCapitalized, type Token } from '../text/tokenize.js';
import { foldAccents, type RegistryIndex } from './build-registry-index.js';
import {
  BUSINESS_VERBS,
  EXCHANGE_CODES,
  EXCHANGE_OPERATOR_NAMES,
  HOLDING_NOUNS,
  NEWS_OUTLET_NAMES,
  NOT_A_NAME_PHRASES,
  NOT_TICKERS,
  QUANTITY_NOUNS,
  SOURCE_BEFORE,
  SOURCE_FOLLOWERS,
  STRONG_CONTEXT_WORDS,
  VENUE_FOLLOWERS,
  WEAK_CONTEXT_WORDS,
  WORKFORCE_NOUNS,
} from './company-context.js';

export interface Mention extends TokenRange {
  sentenceIndex: number;
}

export interface MatchedCompany {
  entry: CompanyRegistryEntry;
  mentions: Mention[];
}

interface Candidate extends Mention {
  entries: CompanyRegistryEntry[];
  ambiguous: boolean;
  /**
   * Ambiguous only for being written in a headline all in capitals, where an alias in capitals may be
   * the word ("OPPENHEIMER UPS VIACOM STAKE"): only context right beside it counts ("UPS SHARES FALL").
   */
  besideOnly?: true;
}

const CONTEXT_WINDOW = 8;
const EXCHANGE_TICKER_RE = new RegExp(
  String.raw`(?:\b(?:${EXCHANGE_CODES})\s*:\s*|\$)([A-Z]{1,5}(?:\.[A-Z]{1,2})?)\b`,
  'g',
);
/** Wire copy marks a listed company's symbol in angle brackets: "Dow Chemical <DOW>", "<BAC.N>". */
const WIRE_TICKER_RE = /<([A-Z]{1,5})(?:\.[A-Z]{1,2})?>/g;
const NOT_A_NAME_LIST = expandPatterns(NOT_A_NAME_PHRASES);
const NOT_A_NAME = new PhraseMatcher<true>(NOT_A_NAME_LIST.map((p) => [p, true] as const));
/** Only a name containing one of these words can sit inside a not-a-name phrase. */
const NOT_A_NAME_WORDS = new Set(NOT_A_NAME_LIST.flatMap((p) => p.split(' ')));

function insideAny(spans: readonly { start: number; end: number }[], start: number, end: number): boolean {
  return spans.some((span) => span.start <= start && span.end >= end);
}

function namedOtherwise(tokens: readonly Token[], nameEnd: number, taken: ReadonlySet<number>): boolean {
  const word = tokens[nameEnd];
  return word?.kind === 'word' && isCapitalized(word.text) && !taken.has(nameEnd);
}

function mayBeNotAName(tokens: readonly Token[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (NOT_A_NAME_WORDS.has(tokens[i]?.lower ?? '')) return true;
  return false;
}

/**
 * "bought 3M shares": a number-led name before a countable noun is a quantity after a verb or
 * preposition, and always when "of" follows the noun ("Fund Buys 3M Shares of Tesla", where a
 * Title Case verb looks like a name).
 */
function isQuantity(tokens: readonly Token[], start: number, end: number): boolean {
  if (tokens[start]?.kind !== 'number') return false;
  const before = tokens[start - 1];
  const after = tokens[end]?.lower ?? '';
  if (!QUANTITY_NOUNS.has(after) || before === undefined) return false;
  if (tokens[end + 1]?.lower === 'of') return true;
  return before.text === '$' || (before.kind === 'word' && before.text === before.lower);
}

function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  for (let i = 0; i < tokens.length; i++) if ((tokens[i]?.start ?? -1) >= offset) return i;
  return -1;
}

function isShouting(sentence: DocSentence): boolean {
  let letters = 0;
  let upper = 0;
  for (const token of sentence.tokens) {
    if (token.kind !== 'word') continue;
    letters++;
    if (token.text === token.text.toUpperCase()) upper++;
  }
  return letters > 3 && upper / letters > 0.7;
}

/**
 * A name written with capitals needs a capital in the text: "Apple" or "APPLE", not "apple". A
 * capital inside the word counts too, for names that start in lower case ("eBay", "easyJet").
 */
function caseMatches(surface: string, tokens: readonly Token[], start: number, end: number): boolean {
  if (surface === surface.toLowerCase()) return true;
  for (let i = start; i < end; i++) {
    const token = tokens[i];
    if (token?.kind === 'word' && token.text !== token.text.toLowerCase()) return true;
  }
  return false;
}

const REPORTING_VERBS = new Set([
  'said',
  'says',
  'announced',
  'announces',
  'unveiled',
  'unveils',
  'launched',
  'launches',
  'reported',
  'reports',
  'confirmed',
  'denied',
  'plans',
  'agreed',
  'sued',
]);

/** Verbs of one company passing another; the name after one is the company passed. */
const RIVALRY_VERBS: ReadonlySet<string> = new Set([
  'overtakes',
  'overtook',
  'outsells',
  'outsold',
  'outpaces',
  'outpaced',
  'dethrones',
  'dethroned',
  'eclipses',
  'eclipsed',
  'surpasses',
  'surpassed',
  'trails',
  'trailed',
]);

/** An authority or a plaintiff acting on a company: "FTC sues Amazon", "EU fines Apple". */
const LEGAL_ACTION_VERBS: ReadonlySet<string> = wordSet(
  'sue sues sued suing fine fines fined fining probe probes probed probing investigate investigates investigated investigating charges charged accuses accused subpoenas subpoenaed penalises penalised penalizes penalized raids raided',
);
/** A legal action or a ruling against a company: "rules against Meta", "lawsuit against Target". */
const LEGAL_NOUNS_AGAINST: ReadonlySet<string> = wordSet(
  'rules ruled ruling lawsuit lawsuits suit suits case cases complaint complaints charges verdict judgment judgement action',
);

function hasContext(
  sentence: DocSentence,
  candidate: Candidate,
  entryWords: Set<string> | undefined,
  window: number,
): boolean {
  const { tokens } = sentence;
  // The rated company of a rating statement ("Broker upgrades Apple to Buy", "Maintains Buy on Apple").
  // A tentative rating (a bare "upgrades") lends no context: "Samsung downgrades Galaxy camera specs".
  if (sentence.rating && sentence.rating.tentative !== true && candidate.start > sentence.rating.verb)
    return true;
  const next = tokens[candidate.end]?.lower ?? '';
  // A company acting: "Apple closes stores", "Apple to close stores"; its people and premises, in
  // lower case ("Amazon workers strike", "Apple store"; "Elastic Block Store" is a product's name).
  if (
    BUSINESS_VERBS.has(next) ||
    (WORKFORCE_NOUNS.has(next) && tokens[candidate.end]?.text === next) ||
    (next === 'to' && BUSINESS_VERBS.has(tokens[candidate.end + 1]?.lower ?? ''))
  )
    return true;
  // A company overtaken or beaten by a rival: "Nvidia overtakes Apple", "Samsung outsells Apple".
  const before = tokens[candidate.start - 1]?.lower ?? '';
  if (RIVALRY_VERBS.has(before) || LEGAL_ACTION_VERBS.has(before)) return true;
  if (before === 'against' && LEGAL_NOUNS_AGAINST.has(tokens[candidate.start - 2]?.lower ?? '')) return true;
  // A company held or rated: "stake in Apple", "rating on Apple", "shares of Apple".
  if (
    (before === 'on' || before === 'in' || before === 'of') &&
    HOLDING_NOUNS.has(tokens[candidate.start - 2]?.lower ?? '')
  )
    return true;
  let strong = 0;
  let weak = 0;
  const from = Math.max(0, candidate.start - window);
  const to = Math.min(tokens.length, candidate.end + window);
  for (let i = from; i < to; i++) {
    if (i >= candidate.start && i < candidate.end) continue;
    const lower = tokens[i]?.lower ?? '';
    if (STRONG_CONTEXT_WORDS.has(lower) || entryWords?.has(lower) === true) strong++;
    else if (WEAK_CONTEXT_WORDS.has(lower)) weak++;
  }
  // A name followed by a reporting verb acts like an organisation ("Apple said", "Target announced").
  if (REPORTING_VERBS.has(tokens[candidate.end]?.lower ?? '') || tokens[candidate.end]?.lower === "'s")
    strong++;
  // One- and two-letter names ("X") collide with too much ordinary text for weak evidence to count.
  const short = tokens.slice(candidate.start, candidate.end).reduce((n, t) => n + t.text.length, 0) <= 2;
  return strong > 0 || (!short && weak >= 2);
}

/** A hyphenated word no name took whole, with a capital after a hyphen ("Kraft-Heinz", "ex-Barclays"). */
function splitsAsNames(token: Token | undefined, i: number, taken: ReadonlySet<number>): boolean {
  if (token?.kind !== 'word' || !token.text.includes('-') || taken.has(i)) return false;
  const pieces = token.text.split('-');
  for (let k = 1; k < pieces.length; k++) if (isCapitalized(pieces[k] ?? '')) return true;
  return false;
}

/**
 * Names joined by a hyphen ("the Gazprom-Shell alliance", "the Kraft-Heinz merger", "ex-Barclays
 * director"): the sentence's words with each hyphenated word that no name matched whole, and
 * whose part after a hyphen is capitalised, split into its parts. `origin` maps each word back
 * to its token (index + 1; negative for a part of a split word). Null when nothing was split.
 */
function hyphenatedNameParts(
  tokens: readonly Token[],
  taken: ReadonlySet<number>,
): { words: Token[]; origin: number[] } | null {
  let any = false;
  for (let i = 0; i < tokens.length && !any; i++) any = splitsAsNames(tokens[i], i, taken);
  if (!any) return null;
  const words: Token[] = [];
  const origin: number[] = [];
  tokens.forEach((token, i) => {
    if (!splitsAsNames(token, i, taken)) {
      words.push(token);
      origin.push(i + 1);
      return;
    }
    let offset = token.start;
    for (const piece of token.text.split('-')) {
      if (piece.length > 0) {
        words.push({
          text: piece,
          lower: foldAccents(piece.toLowerCase()),
          kind: 'word',
          start: offset,
          value: 0,
        });
        origin.push(-(i + 1));
      }
      offset += piece.length + 1;
    }
  });
  return { words, origin };
}

/** "listed on the Nasdaq", "the Nasdaq Composite rose": the exchange as a place, not as a company. */
function isVenue(tokens: readonly Token[], start: number, end: number, key: string): boolean {
  if (!EXCHANGE_OPERATOR_NAMES.has(key)) return false;
  const before = tokens[start - 1]?.lower ?? '';
  const beforeTwo = tokens[start - 2]?.lower ?? '';
  const after = tokens[end]?.lower ?? '';
  return (
    before === 'on' ||
    (before === 'the' && beforeTwo === 'on') ||
    before === ':' ||
    after === ':' ||
    VENUE_FOLLOWERS.has(after)
  );
}

/**
 * "told Reuters", "according to Bloomberg", "a Reuters poll", "(Reuters)", a wire story's closing
 * "REUTERS": a news organisation cited as the source of the report, not a company in it.
 */
function isCitedSource(tokens: readonly Token[], start: number, end: number, key: string): boolean {
  if (!NEWS_OUTLET_NAMES.has(key)) return false;
  const before = tokens[start - 1]?.lower ?? '';
  const after = tokens[end]?.lower ?? '';
  return (
    SOURCE_BEFORE.has(before) ||
    SOURCE_FOLLOWERS.has(after) ||
    (before === '(' && after === ')') ||
    (start === 0 && end === tokens.length)
  );
}

/** What the alias pass of one sentence reads and writes. */
interface SentenceScan {
  sentence: DocSentence;
  shouting: boolean;
  /** Token positions already part of a name (tickers skip them). */
  taken: Set<number>;
  /** Token positions of a news organisation cited as the source, and the word after it. */
  cited: Set<number>;
  notNames: () => PhraseMatch<true>[];
  candidates: Candidate[];
  index: RegistryIndex;
}

/**
 * Registry names among `words`: the sentence's tokens, or its words with hyphenated ones split
 * (`origin` maps them back, see `hyphenatedNameParts`; then only matches over a split part count,
 * as the whole hyphenated token).
 */
function addAliasMatches(
  scan: SentenceScan,
  words: readonly Token[],
  origin: readonly number[] | null,
): void {
  const { sentence, shouting, taken, cited, notNames, candidates, index } = scan;
  const { tokens } = sentence;
  for (const match of index.aliases.matchAll(words)) {
    if (origin && !origin.slice(match.start, match.end).some((at) => at < 0)) continue;
    const start = origin ? Math.abs(origin[match.start] ?? 0) - 1 : match.start;
    const end = origin ? Math.abs(origin[match.end - 1] ?? 0) : match.end;
    const key = words
      .slice(match.start, match.end)
      .map((t) => t.lower)
      .join(' ');
    if (isVenue(tokens, start, end, key)) continue;
    // The source's own words are no name either: "Bloomberg News" is no News Corp.
    if (isCitedSource(tokens, start, end, key)) {
      for (let i = start; i <= end; i++) cited.add(i);
      continue;
    }
    if (cited.has(start)) continue;
    if (
      (mayBeNotAName(tokens, start, end) && insideAny(notNames(), start, end)) ||
      isQuantity(tokens, start, end)
    )
      continue;
    const refs = match.payload.filter(
      (ref) => shouting || caseMatches(ref.surface, words, match.start, match.end),
    );
    if (refs.length === 0) continue;
    for (let i = start; i < end; i++) taken.add(i);
    candidates.push({
      sentenceIndex: sentence.index,
      start,
      end,
      entries: refs.map((r) => r.entry),
      ambiguous: refs.every((r) => r.ambiguous || (shouting && r.capitalsOnly === true)),
      ...(shouting && refs.some((r) => !r.ambiguous && r.capitalsOnly === true) && { besideOnly: true }),
    });
  }
}

export function matchCompanies({
  sentences,
  index,
}: {
  sentences: readonly DocSentence[];
  index: RegistryIndex;
}): MatchedCompany[] {
  const candidates: Candidate[] = [];
  for (const sentence of sentences) {
    const { tokens } = sentence;
    const shouting = isShouting(sentence);
    const taken = new Set<number>();
    let notNamesFound: PhraseMatch<true>[] | null = null;
    const notNames = () => (notNamesFound ??= NOT_A_NAME.matchAll(tokens));
    const folded = tokens.map((t) => {
      if (t.kind !== 'word') return t;
      const lower = foldAccents(t.lower);
      return lower === t.lower ? t : { ...t, lower };
    });
    const scan: SentenceScan = { sentence, shouting, taken, cited: new Set(), notNames, candidates, index };
    addAliasMatches(scan, folded, null);
    const parts = sentence.text.includes('-') ? hyphenatedNameParts(folded, taken) : null;
    if (parts) addAliasMatches(scan, parts.words, parts.origin);
    const explicit = sentence.text.includes('<')
      ? [...sentence.text.matchAll(EXCHANGE_TICKER_RE), ...sentence.text.matchAll(WIRE_TICKER_RE)]
      : sentence.text.matchAll(EXCHANGE_TICKER_RE);
    for (const found of explicit) {
      const symbol = found[1] ?? '';
      const entries = index.bySymbol.get(symbol);
      if (!entries) continue;
      const at = tokenIndexAt(tokens, found.index + found[0].lastIndexOf(symbol));
      if (at < 0 || taken.has(at)) continue;
      // "TENNECO INC <TGT>": a symbol after another company's name is that company's (tickers get reused).
      if (found[0].startsWith('<') && namedOtherwise(tokens, at - 2, taken)) continue;
      taken.add(at);
      candidates.push({ sentenceIndex: sentence.index, start: at, end: at + 1, entries, ambiguous: false });
    }
    if (shouting) continue;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (
        token?.kind !== 'word' ||
        taken.has(i) ||
        token.text.length < 2 ||
        token.text !== token.text.toUpperCase()
      )
        continue;
      if (NOT_TICKERS.has(token.text) || isGluedToFigure(tokens, i)) continue;
      const entries = index.bySymbol.get(token.text);
      if (!entries || (mayBeNotAName(tokens, i, i + 1) && insideAny(notNames(), i, i + 1))) continue;
      // Two-letter symbols collide with too many abbreviations unless the next word says "shares"/"stock".
      const next = tokens[i + 1]?.lower ?? '';
      if (token.text.length < 3 && next !== 'shares' && next !== 'stock') continue;
      candidates.push({ sentenceIndex: sentence.index, start: i, end: i + 1, entries, ambiguous: false });
    }
  }

  const confirmed = new Set<string>();
  for (const candidate of candidates)
    if (!candidate.ambiguous) for (const entry of candidate.entries) confirmed.add(entry.id);

  // Several companies sharing an alias: prefer one already confirmed in this article, then the most prominent.
  const chosen = candidates.map(
    (candidate) =>
      [...candidate.entries].sort(
        (a, b) => rank(b, confirmed) - rank(a, confirmed) || a.id.localeCompare(b.id),
      )[0],
  );
  const accepted = candidates.map((candidate, i) => {
    const sentence = sentences[candidate.sentenceIndex];
    const entry = chosen[i];
    if (sentence === undefined || entry === undefined) return false;
    return (
      !candidate.ambiguous ||
      confirmed.has(entry.id) ||
      hasContext(
        sentence,
        candidate,
        index.contextWords.get(entry.id),
        candidate.besideOnly ? 1 : CONTEXT_WINDOW,
      )
    );
  });
  acceptListedNames(candidates, accepted, sentences);

  const byId = new Map<string, MatchedCompany>();
  for (const [i, candidate] of candidates.entries()) {
    const entry = chosen[i];
    if (entry === undefined || !accepted[i]) continue;
    const company = byId.get(entry.id) ?? { entry, mentions: [] };
    company.mentions.push({
      sentenceIndex: candidate.sentenceIndex,
      start: candidate.start,
      end: candidate.end,
    });
    byId.set(entry.id, company);
  }
  return [...byId.values()];
}

/** Words that join names in a list: "Visa and Mastercard", "Apple, Meta or Alphabet". */
const LIST_JOINERS: ReadonlySet<string> = new Set(['and', 'or', ',', '&']);

/**
 * A name listed with a company is a company too: "Visa and Mastercard settle", "Target, Walmart and
 * Costco". An ambiguous candidate joined by "and", "or" or a comma to an accepted one in the same
 * sentence is accepted; repeated so a whole list follows its one certain name.
 */
function acceptListedNames(
  candidates: readonly Candidate[],
  accepted: boolean[],
  sentences: readonly DocSentence[],
): void {
  if (accepted.every(Boolean)) return;
  // Candidates by where they start and end in their sentence, to find a neighbour in one look.
  const at = (sentenceIndex: number, position: number) => sentenceIndex * POSITION_SPAN + position;
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  for (const [i, candidate] of candidates.entries()) {
    byStart.set(at(candidate.sentenceIndex, candidate.start), i);
    byEnd.set(at(candidate.sentenceIndex, candidate.end), i);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const [i, candidate] of candidates.entries()) {
      if (accepted[i]) continue;
      const tokens = sentences[candidate.sentenceIndex]?.tokens ?? [];
      const after = LIST_JOINERS.has(tokens[candidate.end]?.lower ?? '')
        ? byStart.get(at(candidate.sentenceIndex, candidate.end + 1))
        : undefined;
      const before = LIST_JOINERS.has(tokens[candidate.start - 1]?.lower ?? '')
        ? byEnd.get(at(candidate.sentenceIndex, candidate.start - 1))
        : undefined;
      if ((after !== undefined && accepted[after]) || (before !== undefined && accepted[before]))
        accepted[i] = changed = true;
    }
  }
}

/** Token positions per sentence in acceptListedNames' keys (more than any sentence holds). */
const POSITION_SPAN = 1_000_000;

function rank(entry: CompanyRegistryEntry, confirmed: ReadonlySet<string>): number {
  return (confirmed.has(entry.id) ? 10 : 0) + (entry.prominence ?? 1);
}

/** "1MDB", "A320neo"-like codes: capitals written against a figure are part of a code, not a ticker. */
function isGluedToFigure(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (token === undefined) return false;
  return (
    (before?.kind === 'number' && before.start + before.text.length === token.start) ||
    (after?.kind === 'number' && token.start + token.text.length === after.start)
  );
}
