import { createHash } from 'node:crypto';

function normalise(value: string | null | undefined): string {
  return (value ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * sha256 (hex) of title and text after Unicode NFKC, lower-casing and whitespace collapsing, so
 * re-serialised or re-wrapped copies of the same article hash alike while any wording change does not.
 */
export function contentHash({ title, text }: { title?: string | null; text?: string | null }): string {
  // A separator that normalised text cannot contain keeps ("ab", "c") and ("a", "bc") apart.
  return createHash('sha256')
    .update(`${normalise(title)}\u0000${normalise(text)}`)
    .digest('hex');
}
