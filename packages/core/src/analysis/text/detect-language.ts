/**
 * Stopword vote between a few common news languages. English is the default:
 * the analyzer's rules target English, so only a clear majority switches.
 */
const STOPWORDS: Record<string, readonly string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'in',
    'is',
    'that',
    'for',
    'with',
    'on',
    'was',
    'said',
    'it',
    'by',
    'its',
    'from',
  ],
  de: [
    'der',
    'die',
    'und',
    'das',
    'ist',
    'nicht',
    'mit',
    'den',
    'sich',
    'auf',
    'für',
    'ein',
    'eine',
    'auch',
    'dem',
    'wird',
  ],
  fr: [
    'le',
    'la',
    'les',
    'et',
    'des',
    'est',
    'une',
    'pour',
    'dans',
    'que',
    'qui',
    'du',
    'sur',
    'pas',
    'au',
    'avec',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'y',
    'que',
    'del',
    'en',
    'por',
    'una',
    'para',
    'con',
    'es',
    'se',
    'al',
    'como',
  ],
  it: [
    'il',
    'di',
    'che',
    'e',
    'la',
    'per',
    'non',
    'una',
    'sono',
    'della',
    'del',
    'con',
    'gli',
    'anche',
    'nel',
    'alla',
  ],
  nl: [
    'de',
    'het',
    'een',
    'en',
    'van',
    'is',
    'dat',
    'op',
    'te',
    'niet',
    'met',
    'voor',
    'zijn',
    'ook',
    'wordt',
    'bij',
  ],
  pt: ['o', 'os', 'as', 'e', 'que', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'dos', 'das', 'ao'],
};

const LOOKUP = new Map<string, string[]>();
for (const [language, words] of Object.entries(STOPWORDS)) {
  for (const word of words) LOOKUP.set(word, [...(LOOKUP.get(word) ?? []), language]);
}

/** A few hundred words settle the vote; reading further only costs time. */
const MAX_WORDS = 400;

export function detectLanguage(sentences: readonly { tokens: readonly { lower: string }[] }[]): string {
  const counts = new Map<string, number>();
  let read = 0;
  for (const sentence of sentences) {
    for (const token of sentence.tokens) {
      const languages = LOOKUP.get(token.lower);
      if (languages !== undefined)
        for (const language of languages) counts.set(language, (counts.get(language) ?? 0) + 1);
    }
    read += sentence.tokens.length;
    if (read >= MAX_WORDS) break;
  }
  const english = counts.get('en') ?? 0;
  let best = 'en';
  let bestCount = english;
  for (const [language, count] of counts) {
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  // Shared short words ("de", "la", "e") make small counts noisy; demand a clear lead over English.
  return best !== 'en' && bestCount >= 3 && bestCount > english * 1.5 ? best : 'en';
}
