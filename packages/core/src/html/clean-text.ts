import { repairMojibake } from './repair-mojibake.js';
import { stripBidiControls } from './strip-bidi-controls.js';

/**
 * Text as it arrives from a feed or a page, made safe and readable: bidi controls stripped
 * (strip-bidi-controls.ts) and characters broken by a double decoding repaired
 * (repair-mojibake.ts).
 */
export function cleanText(text: string): string {
  return repairMojibake(stripBidiControls(text));
}
