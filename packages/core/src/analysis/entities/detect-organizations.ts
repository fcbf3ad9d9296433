/**
 * Unknown organisations: capitalised name runs ending in a legal form or an
 * organisational noun ("Acme Widgets Inc", "Müller GmbH", "Foo Holdings plc"), or followed by
 * a ticker, as wire copy writes it ("ACME CORP <ACME>") or with its exchange ("Slack (NASDAQ:WORK)").
 * A regex pass is used instead of a general NLP tagger (e.g. compromise's
 * `.organizations()`), which costs tens of milliseconds per article and would
 * alone break the throughput budget of the analyzer.
 */
import { PhraseMatcher } from '../text/phrase-matcher.js';
import type { DocSentence } from '../text/prepare-document.js';
import { isCapitalized } from '../text/tokenize.js';
import { BUSINESS_VERBS, EXCHANGE_CODES } from './company-context.js';
import type { Mention } from './match-companies.js';

export interface ProposedOrganization {
  name: string;
  mentions: Mention[];
}

const LEGAL_FORMS = String.raw`Inc|Incorporated|Corp|Corporation|Ltd|Limited|LLC|LLP|L\.P|LP|plc|PLC|GmbH|AG|SA|S\.A|SpA|S\.p\.A|NV|N\.V|BV|B\.V|SE|Oyj|Oy|AB|ASA|A\/S|KK|Pty|Co`;
// Only nouns that almost always end a company name; "Energy" or "Financial" end too many other phrases ("Chief Financial Officer").
const ORG_NOUNS = String.raw`Holdings|Group|Technologies|Airlines|Motors|Pharmaceuticals|Therapeutics|Biosciences|Industries|Enterprises|Ventures|Networks|Semiconductors|Laboratories|Bancorp|Robotics`;
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{N}&'’-]*`;
const ORG_RE = new RegExp(
  String.raw`((?:${NAME_WORD}\s+){0,3}${NAME_WORD})\s+(?:(?:${ORG_NOUNS})\s+)?(${LEGAL_FORMS}|${ORG_NOUNS})\b\.?`,
  'gu',
);

/** Leading words that are capitalised for grammar, not part of a name. */
const LEADING_NOISE = new Set([
  'The',
  'In',
  'At',
  'For',
  'On',
  'By',
  'And',
  'A',
  'An',
  'Shares',
  'While',
  'When',
  'Both',
  'But',
  'Analysts',
  'According',
  'After',
  'Before',
  'As',
  'Rival',
  'Rivals',
  'Its',
  'Their',
  'This',
  'That',
  'With',
  'From',
  'Under',
  'Meanwhile',
  'However',
  'Also',
  'Unlike',
  'Like',
  'Neither',
  'Nor',
  'Investors',
  'Peer',
  'Peers',
  'If',
  'Last',
  'Earlier',
  'Today',
  'Yesterday',
]);
/**
 * Verbs a Title Case or all-caps headline capitalises ("Broker Downgrades Acme Widgets Inc"):
 * a company name never runs across one, so a proposed name starts after the last of them.
 */
const HEADLINE_VERBS = new Set([
  ...BUSINESS_VERBS,
  'upgrades',
  'downgrades',
  'initiates',
  'reiterates',
  'maintains',
  'keeps',
  'says',
  'said',
  'sees',
  'reports',
  'to',
  'at',
  'on',
  'in',
  'for',
  'from',
  'with',
  'by',
  'may',
  'will',
  'unit',
  'stake',
]);
/** "CCR VIDEO CORP <CCCR> 1ST QTR NET", "<Gulf International Bank BSC> said": wire copy marks companies. */
const WIRE_NAME_RE =
  /((?:\p{Lu}[\p{Lu}\p{N}&'’.-]*\s+){0,5}\p{Lu}[\p{Lu}\p{N}&'’.-]*)\s*<[A-Z]{1,5}(?:\.[A-Z]{1,2})?>|<(\p{Lu}[^<>\n]{0,30}\s[^<>\n]{1,30})>/gu;
/**
 * "Slack (NASDAQ:WORK) CFO sells stock", "ZoomInfo (NASDAQ: ZI) shares jump": a name followed by its
 * exchange and ticker in brackets is a listed company, as wire copy's "<TICKER>" marks one.
 */
const EXCHANGE_TICKER_RE = new RegExp(
  String.raw`((?:${NAME_WORD}\s+){0,3}${NAME_WORD})\s*\((?:${EXCHANGE_CODES})\s*:\s*[A-Z][A-Z0-9.]{0,6}\)`,
  'gu',
);
const LEGAL_CASE = new Map(
  ['Inc', 'Corp', 'Co', 'Ltd', 'Plc', 'Llc', 'Ag', 'Sa', 'Nv', 'Bv', 'Group', 'Holdings'].map(
    (form) => [form.toUpperCase(), form] as const,
  ),
);

/** "CCR VIDEO CORP" → "CCR Video Corp": short all-caps words stay initials, legal forms get their usual case. */
function wireCase(words: readonly string[]): string[] {
  if (!words.every((w) => w === w.toUpperCase())) return [...words];
  return words.map(
    (w) =>
      LEGAL_CASE.get(w.replace(/\.$/, '')) ?? (w.length <= 3 ? w : w.charAt(0) + w.slice(1).toLowerCase()),
  );
}

const NOT_COMPANIES = new Set([
  'World Bank',
  'Central Bank',
  'European Central Bank',
  'Federal Reserve Bank',
  'Reserve Bank',
  'Development Bank',
  'Investment Bank',
  'Group',
]);

interface NameRun {
  text: string;
  index: number;
  minWords: number;
}

/** What ORG_RE needs at least, found by a cheap scan: most sentences name no legal form at all. */
const ORG_SUFFIX_RE = new RegExp(String.raw`\s(?:${LEGAL_FORMS}|${ORG_NOUNS})\b`, 'u');

function* nameRuns(text: string): Generator<NameRun> {
  if (ORG_SUFFIX_RE.test(text))
    for (const m of text.matchAll(ORG_RE)) yield { text: m[0], index: m.index, minWords: 2 };
  if (text.includes('('))
    for (const m of text.matchAll(EXCHANGE_TICKER_RE)) {
      const name = m[1] ?? '';
      yield { text: name, index: m.index, minWords: 1 };
    }
  if (!text.includes('<')) return;
  for (const m of text.matchAll(WIRE_NAME_RE)) {
    const name = m[1] ?? m[2] ?? '';
    yield { text: name, index: m.index + m[0].indexOf(name), minWords: 1 };
  }
}

/**
 * @param isKnown tells whether a name is a registry name or alias, so
 *   "Apple Inc" is not proposed as a new company.
 */
export function detectOrganizations({
  sentences,
  isKnown,
}: {
  sentences: readonly DocSentence[];
  isKnown: (name: string) => boolean;
}): ProposedOrganization[] {
  const byKey = new Map<string, ProposedOrganization>();
  for (const sentence of sentences) {
    for (const found of nameRuns(sentence.text)) {
      const words = found.text.replace(/\.$/, '').trim().split(/\s+/);
      const lastVerb = words.slice(0, -1).findLastIndex((w) => HEADLINE_VERBS.has(w.toLowerCase()));
      if (lastVerb >= 0) words.splice(0, lastVerb + 1);
      while (words.length > 1 && LEADING_NOISE.has(words[0] ?? '')) words.shift();
      if (words.length < found.minWords || (words[0]?.length ?? 0) < 2) continue;
      // A registered name at the end ("… Downgrades Target Corp") is the registry's match, not a new company.
      if (words.some((_, i) => isKnown(words.slice(i).join(' ')) || isKnown(words.slice(i, -1).join(' '))))
        continue;
      const name = wireCase(words).join(' ');
      if (NOT_COMPANIES.has(name)) continue;
      const key = name.toLowerCase();
      const startOffset = found.index + found.text.indexOf(words[0] ?? '');
      const endOffset = found.index + found.text.trimEnd().length;
      let start = -1;
      let end = -1;
      for (let i = 0; i < sentence.tokens.length; i++) {
        const offset = sentence.tokens[i]?.start ?? 0;
        if (offset >= endOffset) break;
        if (offset < startOffset) continue;
        if (start < 0) start = i;
        end = i + 1;
      }
      if (start < 0) continue;
      const organization = byKey.get(key) ?? { name, mentions: [] };
      organization.mentions.push({ sentenceIndex: sentence.index, start, end });
      byKey.set(key, organization);
    }
  }
  addShortFormMentions(sentences, byKey);
  return [...byKey.values()];
}

/** Later mentions usually drop the legal form: "Acme Widgets Inc" … "Acme Widgets said". */
function addShortFormMentions(
  sentences: readonly DocSentence[],
  byKey: Map<string, ProposedOrganization>,
): void {
  const shortForms: [string, ProposedOrganization][] = [];
  for (const organization of byKey.values()) {
    const words = organization.name.split(/\s+/).slice(0, -1);
    if (words.length > 0 && words.join(' ').length >= 4) shortForms.push([words.join(' '), organization]);
  }
  if (shortForms.length === 0) return;
  const matcher = new PhraseMatcher(shortForms);
  for (const sentence of sentences) {
    for (const match of matcher.matchAll(sentence.tokens)) {
      const first = sentence.tokens[match.start];
      if (first === undefined || !isCapitalized(first.text)) continue;
      const mentions = match.payload.mentions;
      const overlaps = mentions.some(
        (m) => m.sentenceIndex === sentence.index && m.start <= match.start && m.end >= match.end,
      );
      if (!overlaps) mentions.push({ sentenceIndex: sentence.index, start: match.start, end: match.end });
    }
  }
}
