/** English function words ignored when comparing sentences and stories. */
export const STOPWORDS = new Set(
  (
    'a an the and or but if then than that this these those of to in on at by for with from as into about over after before ' +
    'between under above up down out off is are was were be been being has have had do does did will would shall should can ' +
    "could may might must it its it's they them their there here he she him her his hers we us our you your i me my " +
    'not no nor so such too very also just only more most less least some any all each every both either neither other ' +
    'which who whom whose what when where why how said says say according new while during through per via s'
  ).split(' '),
);

/** Content words of a token list: lower-cased, stopwords and punctuation removed, plural "s" trimmed. */
export function contentWords(tokens: readonly { lower: string; kind: string }[]): string[] {
  const words: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'word' || token.lower.length < 2 || STOPWORDS.has(token.lower)) continue;
    const word =
      token.lower.length > 4 && token.lower.endsWith('s') && !token.lower.endsWith('ss')
        ? token.lower.slice(0, -1)
        : token.lower;
    words.push(word);
  }
  return words;
}
