import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';

import type { Logger } from '@wirelens/core/logging';

import type { Context } from '../context.js';
import { schema } from '../schema/index.js';
import { formatGraphqlError } from './errors.js';
import { wirelensPlugin, type QueryLimits } from './graphql-plugin.js';
import { inputLimitsPlugin } from './input-limits.js';

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxCost: 10_000, maxDepth: 12 };

export interface CreateApolloOptions {
  limits: Partial<QueryLimits>;
  production: boolean;
  logger: Logger;
  /** More plugins (metrics), run after ours. */
  plugins?: ApolloServerPlugin<Context>[];
}

/** Apollo Server over the Pothos schema, with our limits, error shaping and no CDN landing page. */
export async function createApollo({ limits, production, logger, plugins = [] }: CreateApolloOptions) {
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    logger,
    // The default landing page loads Apollo Sandbox from a CDN, which is dead offline; /graphiql is bundled.
    // Cache control would instrument every field resolver (a measurable cost on big series); nothing here uses HTTP caching.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      inputLimitsPlugin(),
      wirelensPlugin({ limits: { ...DEFAULT_QUERY_LIMITS, ...limits } }),
      ...plugins,
    ],
    includeStacktraceInErrorResponses: !production,
    // Keeps Apollo's CSRF prevention: requests need a JSON content type or `apollo-require-preflight`.
    csrfPrevention: true,
    formatError: (formatted: GraphQLFormattedError, error: unknown) =>
      formatGraphqlError(formatted, error, production),
  });
  await apollo.start();
  return apollo;
}
