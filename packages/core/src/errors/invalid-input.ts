import type { z } from 'zod';

import { AppError } from './app-error.js';

export interface FieldProblem {
  field: string;
  message: string;
}

/** One INVALID_INPUT error listing every problem; `details.field` names the first. */
export function invalidInput(fields: FieldProblem[]): AppError {
  const message = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return new AppError('INVALID_INPUT', message, { details: { field: fields[0]?.field, fields } });
}

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Parses input with zod; failures become one INVALID_INPUT error naming each field (under `prefix`). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalidInput(
    result.error.issues.map((issue) => ({ field: joinPath(prefix, issue.path), message: issue.message })),
  );
}
