/**
 * Unicode's explicit embedding, override and isolate controls: LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and
 * LRI, RLI, FSI, PDI (U+2066–U+2069). One stray RLO in a headline reverses the rest of the line around it
 * in the dashboard ("Trojan Source"); feed text never needs them (the marks U+200E/U+200F stay).
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** `text` without bidirectional embedding, override and isolate controls. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
