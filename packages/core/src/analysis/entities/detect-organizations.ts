/**
 * Unknown organisations: capitalised name runs ending in a legal form or an
 * organisational noun ("Acme Widgets Inc", "Müller GmbH", "Foo Holdings plc").
 * A regex pass is used instead of a general NLP tagger (e.g. compromise's
 * `.organizations()`), which costs tens of milliseconds per article and would
 * alone break the throughput budget of the analyzer.
 */
import { PhraseMatcher } from '../text/phrase-matcher.js';
import type { DocSentence } from '../text/prepare-document.js';
import { isCapitalized } from '../text/tokenize.js';
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
    for (const found of sentence.text.matchAll(ORG_RE)) {
      const words = found[0].replace(/\.$/, '').split(/\s+/);
      while (words.length > 1 && LEADING_NOISE.has(words[0] ?? '')) words.shift();
      if (words.length < 2) continue;
      const name = words.join(' ');
      if (NOT_COMPANIES.has(name)) continue;
      const key = name.toLowerCase();
      if (isKnown(name) || isKnown(words.slice(0, -1).join(' '))) continue;
      const startOffset = found.index + found[0].indexOf(words[0] ?? '');
      const endOffset = found.index + found[0].length;
      let start = -1;
      let end = -1;
      sentence.tokens.forEach((token, i) => {
        if (token.start >= startOffset && token.start < endOffset) {
          if (start < 0) start = i;
          end = i + 1;
        }
      });
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
