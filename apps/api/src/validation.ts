import { AppError } from '@wirelens/core';

/** Longest string any argument or input field takes, unless it declares `extensions: { maxLength }`. */
export const MAX_STRING_LENGTH = 10_000;

/**
 * For an argument or input field that needs a longer string than MAX_STRING_LENGTH (an OPML document);
 * `subject` names the value in the refusal ("The OPML document must be at most … characters").
 */
export function allowLongStrings(maxLength: number, subject?: string) {
  return { extensions: subject ? { maxLength, subject } : { maxLength } };
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

/**
 * The row id inside a global ID that `t.arg.globalID({ for })` has decoded and type-checked
 * (the builder's decodeGlobalID already refused anything but digits after the type name).
 */
export function rowId(globalId: { id: string }): number {
  return Number(globalId.id);
}

/** An input's fields with GraphQL's null (left out) as undefined: what use cases read as "not given". */
export type NullsAsUndefined<Input> = { [K in keyof Input]: Exclude<Input[K], null> };

export function nullsAsUndefined<Input extends object>(input: Input): NullsAsUndefined<Input> {
  const entries = Object.entries(input as Record<string, unknown>).map(([key, value]) => [
    key,
    value ?? undefined,
  ]);
  return Object.fromEntries(entries) as NullsAsUndefined<Input>;
}

export function rowIds(globalIds: readonly { id: string }[] | null | undefined): number[] | undefined {
  return globalIds?.map(rowId);
}
