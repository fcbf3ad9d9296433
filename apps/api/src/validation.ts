import { AppError, invalidInput } from '@wirelens/core';

/** Longest string any argument or input field takes, unless it declares `extensions: { maxLength }`. */
export const MAX_STRING_LENGTH = 10_000;

/** For an argument or input field that needs a longer string than MAX_STRING_LENGTH (an OPML document). */
export function allowLongStrings(maxLength: number) {
  return { extensions: { maxLength } };
}

/** Prefixes the field of an AppError raised by a domain function with the argument path. */
export async function withFieldPrefix<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (
      error instanceof AppError &&
      typeof error.details?.field === 'string' &&
      !error.details.field.startsWith(prefix)
    ) {
      const field = `${prefix}.${error.details.field}`;
      throw new AppError(error.code, error.message, {
        details: { ...error.details, field, fields: [{ field, message: error.message }] },
      });
    }
    throw error;
  }
}

/** Decodes a global ID of the expected type; anything else is BAD_USER_INPUT naming the field. */
export function decodeId(value: string | number, typename: string, field: string): number {
  const raw = String(value);
  // Buffer's base64 decoder never throws; garbage decodes to garbage, which the pattern rejects.
  const decoded = Buffer.from(raw, 'base64').toString('utf8');
  const match = /^([A-Za-z]+):(\d{1,15})$/.exec(decoded);
  if (
    !match ||
    match[1] !== typename ||
    Buffer.from(decoded).toString('base64').replace(/=+$/, '') !== raw.replace(/=+$/, '')
  ) {
    throw invalidInput([{ field, message: `is not a valid ${typename} ID` }]);
  }
  return Number(match[2]);
}

export function decodeIds(
  values: readonly (string | number)[] | null | undefined,
  typename: string,
  field: string,
): number[] | undefined {
  if (!values) return undefined;
  return values.map((value, index) => decodeId(value, typename, `${field}[${index}]`));
}
