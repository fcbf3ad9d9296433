/**
 * Reading labeled fixture files for the quality benchmark: text decoding,
 * the deterministic development/held-out split, and a clear failure when a
 * file cannot be read or holds no usable example.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type Split = 'dev' | 'heldout' | 'all';
export const SPLITS: readonly Split[] = ['dev', 'heldout', 'all'];

/** A failure the benchmark reports as one line and exit code 1, without a stack trace. */
export class BenchInputError extends Error {}

export function readText(file: string): string {
  // pnpm runs the script inside packages/core; paths are meant from where the user typed them.
  const resolved = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolved);
  } catch (error) {
    throw new BenchInputError(
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/**
 * Half of every fixture is for development (tuning), the other half is held
 * out. The half is fixed by a hash of the example's text, so it does not
 * depend on file order and the same sentence always lands in the same half.
 */
export function inSplit(text: string, split: Split): boolean {
  if (split === 'all') return true;
  const firstByte = createHash('sha1').update(text).digest()[0] ?? 0;
  return (firstByte & 1) === (split === 'dev' ? 0 : 1);
}

export function requireExamples<T>(items: readonly T[], file: string, expected: string): readonly T[] {
  if (items.length === 0) throw new BenchInputError(`${file} yields no examples (expected ${expected})`);
  return items;
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...records] = rows;
  if (header === undefined) return [];
  return records
    .filter((record) => record.length > 1 || (record[0] ?? '') !== '')
    .map((record) => Object.fromEntries(header.map((name, k) => [name, record[k] ?? ''])));
}

export type Polarity = 'negative' | 'neutral' | 'positive';
export const POLARITIES: readonly Polarity[] = ['negative', 'neutral', 'positive'];
/** The score an editor would give each PhraseBank label when correcting an article. */
export const PHRASEBANK_SCORE: Record<Polarity, number> = { negative: -0.5, neutral: 0, positive: 0.5 };

export interface PhrasebankRow {
  sentence: string;
  gold: Polarity;
}

/** Financial PhraseBank: one `sentence@label` per line. */
export function readPhrasebank(file: string): PhrasebankRow[] {
  const parsed = readText(file)
    .split(/\r?\n/)
    .map((line) => {
      const at = line.lastIndexOf('@');
      return { sentence: line.slice(0, at).trim(), gold: line.slice(at + 1).trim() as Polarity };
    })
    .filter((row) => row.sentence.length > 0 && POLARITIES.includes(row.gold));
  requireExamples(parsed, file, 'lines `sentence@positive|neutral|negative`');
  return parsed;
}
