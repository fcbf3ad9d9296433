import { builder } from './builder.js';

/**
 * A GraphQL enum whose values are their own names, each with its description:
 * `describedEnum('Role', 'What a user may do.', { VIEWER: 'Reads everything.', ADMIN: '…' })`.
 */
export function describedEnum<const Value extends string>(
  name: string,
  description: string,
  values: Record<Value, string>,
) {
  const entries = Object.entries<string>(values).map(([value, text]) => [value, { description: text }]);
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(entries) as Record<Value, { description: string }>,
  });
}

/**
 * What every Prisma-backed Relay node shares: keyed by its integer row id, and `node(id:)` of a
 * missing row answers null.
 */
export const rowNode = { nullable: true, id: { field: 'id' } } as const;
