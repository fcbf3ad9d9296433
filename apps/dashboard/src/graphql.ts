import { initGraphQLTada } from 'gql.tada';

import type { introspection } from './graphql-env.d.ts';

/** Typed GraphQL documents: result and variable types come from apps/api/schema.graphql. */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; ID: string; JSON: unknown };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
