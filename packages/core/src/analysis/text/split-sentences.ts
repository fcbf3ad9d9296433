/**
 * Sentence splitting for news prose. Splits on . ! ? followed by space and an
 * upper-case letter, digit or quote, except after common abbreviations and
 * initials, and always on blank lines and indented lines. Returns whole sentences exactly as they
 * appear (trimmed), so extractive output can be traced back to the text.
 */
const ABBREVIATIONS = new Set([
  'inc',
  'corp',
  'co',
  'ltd',
  'plc',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'vs',
  'etc',
  'no',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'e.g',
  'i.e',
  'approx',
  'est',
  'dept',
  'gov',
  'sen',
  'rep',
  'gen',
  'lt',
  'col',
  'mt',
  'ft',
  'n.v',
  's.a',
  'bros',
]);

const INDENTED_LINE_RE = /^(?: {2}|\t)/;

export interface SentenceSpan {
  text: string;
  start: number;
}

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const trimmedStart = raw.length - raw.trimStart().length;
    const sentence = raw.trim();
    if (sentence.length > 0) spans.push({ text: sentence, start: start + trimmedStart });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    // A blank line ends a paragraph; so does an indented line, as in plain-text wire copy
    // ("Shr 80 cts vs 72 cts\n    Net 5.5 mln vs 4.9 mln" is two table rows, not one sentence).
    if (ch === '\n' && (text.charAt(i + 1) === '\n' || INDENTED_LINE_RE.test(text.slice(i + 1, i + 3)))) {
      push(i);
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let end = i + 1;
    while (end < text.length && /["'”’)\]]/.test(text.charAt(end))) end++;
    if (end >= text.length) continue;
    if (!/\s/.test(text.charAt(end))) continue;
    let next = end;
    while (next < text.length && /\s/.test(text.charAt(next))) next++;
    const following = text.charAt(next);
    if (!/[\p{Lu}\p{N}"'“‘(]/u.test(following)) continue;
    if (ch === '.') {
      const wordMatch = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i));
      const word = wordMatch?.[1]?.toLowerCase() ?? '';
      // Initials and initialisms ("J.", "J.P.", "U.S.") rarely end a sentence in news copy.
      if (ABBREVIATIONS.has(word) || /^(?:\p{L}\.)*\p{L}$/u.test(word)) continue;
    }
    push(end);
  }
  push(text.length);
  return spans;
}
