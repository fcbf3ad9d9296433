import { windows1252Char } from '../html/repair-mojibake.js';

/**
 * What a publisher's system makes of UTF-8 text that it decodes once more as Windows-1252: the
 * mojibake `repairMojibake` undoes.
 */
export function mojibakeOf(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'), windows1252Char).join('');
}
