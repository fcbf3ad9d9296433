/**
 * Company registry index, built once per analyzer and reused for every
 * article: aliases as token phrases (longest match), tickers by symbol.
 */
import type { CompanyRegistryEntry } from '../contract.js';
import { isEnglishWord } from '../text/english-words.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';
import { tokenize } from '../text/tokenize.js';
import { LINE_OF_BUSINESS_WORDS, PLACE_WORDS } from './company-context.js';

export interface AliasRef {
  entry: CompanyRegistryEntry;
  /** The alias as written in the registry, for case checks. */
  surface: string;
  /** Needs company context to count ("Apple", "Meta", "Target"). */
  ambiguous: boolean;
  /**
   * Capitals alone tell it from an ordinary word ("UPS", "ADS"): in a headline all in capitals
   * ("OPPENHEIMER UPS VIACOM STAKE") it needs context as an ambiguous alias does.
   */
  capitalsOnly?: true;
}

export interface RegistryIndex {
  aliases: PhraseMatcher<AliasRef[]>;
  bySymbol: Map<string, CompanyRegistryEntry[]>;
  byId: Map<string, CompanyRegistryEntry>;
  /** Lower-cased, token-joined names and aliases of every company. */
  knownNames: Set<string>;
  /** Lower-cased alias words per company, used as company context for its ambiguous aliases. */
  contextWords: Map<string, Set<string>>;
}

/**
 * Single words that are company names and also ordinary English (or other
 * things). Registry entries may list more in `ambiguousAliases`.
 */
const COMMON_WORD_NAMES = new Set([
  'apple',
  'meta',
  'amazon',
  'oracle',
  'shell',
  'target',
  'block',
  'visa',
  'square',
  'snap',
  'gap',
  'delta',
  'unity',
  'zoom',
  'match',
  'arm',
  'box',
  'sea',
  'chase',
  'progressive',
  'general',
  'dollar',
  'ball',
  'discover',
  'intuitive',
  'booking',
  'alphabet',
  'mosaic',
  'fortune',
  'carrier',
  'best',
  'bright',
  'compass',
  'signet',
  'waters',
  'sun',
  'national',
  'global',
  'united',
  'american',
  'first',
  'alliance',
  'genuine',
  'equity',
  'pinnacle',
  'prudential',
  'principal',
  'mercury',
  'ford',
  'next',
  'marathon',
  'pioneer',
  'baker',
  'dover',
  'cardinal',
  'coach',
  'ross',
  'dish',
  'sprint',
  'frontier',
  'crown',
  'ally',
  'citizens',
  'regions',
  'fifth',
  'key',
  'state',
  'lumen',
  'tapestry',
  'burlington',
]);

const EXTRA_COMMON = new Set([
  'x',
  'it',
  'on',
  'one',
  'all',
  'now',
  'are',
  'can',
  'see',
  'well',
  'low',
  'big',
  'cat',
]);

const LEGAL_SUFFIX_RE =
  /[\s,]+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|ag|sa|se|nv|n\.v|oyj|asa|ab|gmbh|holdings|group)\.?$/i;

/**
 * A company name without its trailing legal forms: "Tesco PLC" → "Tesco", "Royal Bank of Scotland
 * Group plc" → "Royal Bank of Scotland".
 */
export function withoutLegalForm(name: string): string {
  let short = name.trim();
  for (;;) {
    const shorter = short.replace(LEGAL_SUFFIX_RE, '').trim();
    if (shorter === short || shorter.length < 2) return short;
    short = shorter;
  }
}

/** Matching is accent-insensitive, as the registry's normalised aliases are ("Nestlé" = "Nestle"). */
export function foldAccents(text: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII fast path
  return /[^\x00-\x7f]/.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
}

const PLAIN_WORDS_RE = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

export function aliasKey(alias: string): string {
  // Plain words tokenize to themselves; skipping the tokenizer keeps per-article name checks cheap.
  if (PLAIN_WORDS_RE.test(alias)) return alias.toLowerCase();
  return tokenize(alias)
    .map((t) => foldAccents(t.lower))
    .join(' ');
}

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };
const UMLAUT_SPELLED_RE = /\B([aou])e(?=[b-df-hj-np-tv-z])/g;

/** A one-word alias in capitals that is an ordinary word in lower case: "UPS", "ADS". */
function isCapitalsOnly(surface: string, key: string): boolean {
  return (
    !key.includes(' ') && /\p{Lu}/u.test(surface) && surface === surface.toUpperCase() && isEnglishWord(key)
  );
}

/**
 * German names are written with umlauts and without: "Deutsche Börse" is also "Deutsche Boerse",
 * and a registry "Deutsche Boerse" is "Deutsche Börse" (which matching folds to "borse"). `key` is
 * the surface's alias key; the other spellings' keys are returned. A vowel + "e" counts as an
 * umlaut only inside a word of five or more letters and before a consonant ("Boerse", "Mueller";
 * not "Joe", "Aegon" or "Boeing").
 */
function umlautSpellings(surface: string, key: string): string[] {
  const spellings: string[] = [];
  if (/[äöüÄÖÜ]/.test(surface))
    spellings.push(aliasKey(surface.replace(/[äöüÄÖÜ]/g, (c) => UMLAUTS[c] ?? c)));
  spellings.push(
    key
      .split(' ')
      .map((word) => (word.length >= 5 ? word.replace(UMLAUT_SPELLED_RE, '$1') : word))
      .join(' '),
  );
  return spellings.filter((spelling) => spelling !== key);
}

export function buildRegistryIndex(registry: readonly CompanyRegistryEntry[]): RegistryIndex {
  const aliasEntries = new Map<string, AliasRef[]>();
  const bySymbol = new Map<string, CompanyRegistryEntry[]>();
  const byId = new Map<string, CompanyRegistryEntry>();
  const contextWords = new Map<string, Set<string>>();
  const knownNames = new Set<string>();

  for (const entry of registry) {
    byId.set(entry.id, entry);
    const declaredAmbiguous = new Set((entry.ambiguousAliases ?? []).map(aliasKey));
    const surfaces = new Set([entry.name, ...entry.aliases, ...(entry.ambiguousAliases ?? [])]);
    // Articles mostly drop the legal form: "Lloyds Banking Group plc" is written "Lloyds Banking Group".
    // A one-word remainder that is an ordinary word ("News" from "News Corp", "Next" from "Next plc")
    // or initials ("BT" from "BT Group plc", also a cotton) needs context; a coined word ("Centrica"
    // from "Centrica PLC") is as plain a name as the full one.
    const needsContext = new Set<string>();
    const listedKeys = new Set([...surfaces].map(aliasKey));
    for (const surface of [...surfaces]) {
      const short = withoutLegalForm(surface);
      const key = aliasKey(short);
      if (short.length >= 2 && !listedKeys.has(key)) {
        surfaces.add(short);
        if (!key.includes(' ') && (key.length <= 3 || isEnglishWord(key))) needsContext.add(key);
      }
    }
    // "Tullow Oil" is often just "Tullow": a coined first word before words of a line of business.
    // An ordinary word or a nation's is not a name alone ("Dominion" of "Dominion Energy", "British"
    // of "British Petroleum"), and a coined one may still be a town or a surname ("Aberdeen"), so
    // it needs context.
    for (const surface of [...surfaces]) {
      const [first = '', ...rest] = aliasKey(surface).split(' ');
      if (first.length < 4 || rest.length === 0 || listedKeys.has(first) || /\d/.test(first)) continue;
      if (!rest.every((word) => LINE_OF_BUSINESS_WORDS.has(word))) continue;
      if (isEnglishWord(first) || PLACE_WORDS.has(first)) continue;
      surfaces.add(surface.split(/\s+/)[0] ?? first);
      needsContext.add(first);
    }
    const keys = new Map<string, { surface: string; ambiguous: boolean }>();
    for (const surface of surfaces) {
      const key = aliasKey(surface);
      if (key.length === 0 || keys.has(key)) continue;
      const single = !key.includes(' ');
      const ambiguous =
        declaredAmbiguous.has(key) ||
        needsContext.has(key) ||
        (single && (COMMON_WORD_NAMES.has(key) || EXTRA_COMMON.has(key)));
      keys.set(key, { surface, ambiguous });
    }
    for (const [key, value] of [...keys])
      for (const variant of umlautSpellings(value.surface, key))
        if (!keys.has(variant)) keys.set(variant, value);
    const ambiguousWords = new Set(
      [...keys].filter(([, v]) => v.ambiguous).flatMap(([key]) => key.split(' ')),
    );
    const words = new Set<string>();
    for (const [key, { surface, ambiguous }] of keys) {
      knownNames.add(key);
      const list = aliasEntries.get(key) ?? [];
      if (!list.some((ref) => ref.entry.id === entry.id))
        list.push({ entry, surface, ambiguous, ...(isCapitalsOnly(surface, key) && { capitalsOnly: true }) });
      aliasEntries.set(key, list);
      // The company's other names count as context for its ambiguous ones ("Apple Inc." … "Apple").
      if (!ambiguous)
        for (const word of key.split(' ')) if (word.length > 2 && !ambiguousWords.has(word)) words.add(word);
    }
    for (const ticker of entry.tickers) {
      const symbol = ticker.symbol.toUpperCase();
      const list = bySymbol.get(symbol) ?? [];
      if (!list.includes(entry)) list.push(entry);
      bySymbol.set(symbol, list);
      words.add(symbol.toLowerCase());
    }
    contextWords.set(entry.id, words);
  }
  return { aliases: new PhraseMatcher(aliasEntries), bySymbol, byId, knownNames, contextWords };
}
