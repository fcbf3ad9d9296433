/**
 * Mojibake: UTF-8 text that a publisher's system decoded once more as Windows-1252 before
 * serving it, so "£400m" arrives as "Â£400m", "Börse" as "BÃ¶rse" and a dash as "â€“". The
 * feed's own encoding is right (it is decoded correctly), so only the characters can tell:
 * each broken character is a UTF-8 lead byte's Windows-1252 character followed by its
 * continuation bytes' characters. Every such run is turned back into its bytes and decoded
 * as UTF-8; a run that is not valid UTF-8 stays as it is.
 *
 * Two-byte runs are also ordinary text in some languages ("Gruß“" ends in `ß` + `“`, the bytes DF 93,
 * which decode to an N'Ko letter), so a two-byte run is repaired only into Latin,
 * Greek or Cyrillic letters and the Latin-1 signs — what European news text holds. A capital
 * Ä or Å right before a closing quote or an ellipsis still reads as a broken Polish or Czech
 * letter ("Ä…" is how "ą" breaks), a trade for text far rarer than the mojibake it repairs.
 */
import iconv from 'iconv-lite';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The character Windows-1252 shows for a byte: ASCII below 0x80; from 0x80 the code page's own
 * (Node 20's TextDecoder decodes "windows-1252" as Latin-1, so iconv-lite's table is used), and
 * for the five bytes it leaves undefined their C1 control characters, as WHATWG decoders give them.
 */
export function windows1252Char(byte: number): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  const decoded = iconv.decode(Buffer.from([byte]), 'windows-1252');
  return decoded === '\ufffd' ? String.fromCharCode(byte) : decoded;
}

/** The byte behind each character Windows-1252 shows for 0x80–0xFF. */
const BYTE_OF = new Map<string, number>();
for (let byte = 0x80; byte <= 0xff; byte++) BYTE_OF.set(windows1252Char(byte), byte);

function charClass(from: number, to: number): string {
  let chars = '';
  for (let byte = from; byte <= to; byte++)
    chars += `\\u{${windows1252Char(byte).charCodeAt(0).toString(16)}}`;
  return `[${chars}]`;
}

const CONTINUATION = charClass(0x80, 0xbf);
/** One UTF-8 character of 2, 3 or 4 bytes, as Windows-1252 shows its bytes. */
const BROKEN_CHARACTER = new RegExp(
  `${charClass(0xc2, 0xdf)}${CONTINUATION}|${charClass(0xe0, 0xef)}${CONTINUATION}{2}|${charClass(0xf0, 0xf4)}${CONTINUATION}{3}`,
  'gu',
);
const MAYBE_BROKEN = new RegExp(`${charClass(0xc2, 0xf4)}${CONTINUATION}`, 'u');

/** Latin-1 signs and letters, Latin Extended A and B, Greek and Cyrillic. */
const PLAUSIBLE_TWO_BYTE = /^[\u00a0-\u024f\u0370-\u04ff]$/u;

/** Repairs broken characters until none is left (text broken twice takes two rounds). */
const MAX_ROUNDS = 3;

function repairOnce(text: string): string {
  return text.replace(BROKEN_CHARACTER, (run) => {
    const bytes = Uint8Array.from(run, (char) => BYTE_OF.get(char) ?? 0);
    let repaired: string;
    try {
      repaired = utf8.decode(bytes);
    } catch {
      return run;
    }
    return bytes.length > 2 || PLAUSIBLE_TWO_BYTE.test(repaired) ? repaired : run;
  });
}

/** `text` with UTF-8 that was decoded as Windows-1252 turned back into the characters it was. */
export function repairMojibake(text: string): string {
  let current = text;
  for (let round = 0; round < MAX_ROUNDS && MAYBE_BROKEN.test(current); round++) {
    const next = repairOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}
