import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { lexicographicSortSchema, type FormattedExecutionResult, type GraphQLFormattedError } from 'graphql';

import type { Logger } from '@wirelens/core/logging';

import type { Context } from '../context.js';
import { schema } from '../schema/index.js';
import { compiledExecutionGateway } from './compiled-execution.js';
import { formatGraphqlError } from './errors.js';
import { noCost, wirelensPlugin, type QueryLimits } from './graphql-plugin.js';
import { inputLimitsPlugin } from './input-limits.js';

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxCost: 10_000, maxDepth: 12 };

/**
 * Documents with more tokens are refused while parsing, before validation or cost analysis look
 * at them. The dashboard's largest operation (the overview with its fragments) has about 200
 * tokens, GraphiQL's introspection query about 200, a 30-level fragment fan-out about 330.
 */
export const MAX_DOCUMENT_TOKENS = 2_000;

/**
 * Larger responses are replaced by a RESPONSE_TOO_LARGE error. The cost limit bounds the number of
 * objects; this bounds their text (a page of 100 full-text articles), which the cost cannot see.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 10_000_000;

export interface CreateApolloOptions {
  limits: QueryLimits;
  production: boolean;
  logger: Logger;
  maxResponseBytes?: number;
  /** More plugins (metrics), run after ours. */
  plugins?: ApolloServerPlugin<Context>[];
}

/** Apollo Server over the Pothos schema, with our limits, error shaping and no CDN landing page. */
export async function createApollo({
  limits,
  production,
  logger,
  maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES,
  plugins = [],
}: CreateApolloOptions) {
  const apollo = new ApolloServer<Context>({
    // A copy of the schema per server (the schema is sorted already, so the copy is the same schema):
    // once any plugin of a server listens to willResolveField, Apollo wraps every resolver of the
    // schema that server runs, for good. Another server in this process (the benchmark's profiling
    // one) must not leave this one paying a wrapper per field, nor graphql-jit calling a resolver
    // for each field it would otherwise read in place.
    gateway: compiledExecutionGateway(lexicographicSortSchema(schema)),
    introspection: true,
    logger,
    parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS },
    // Every answer Apollo writes passes here, including refusals made outside the request pipeline
    // (batching, a missing query), which the plugin never sees: they get `extensions.cost` too.
    stringifyResult: (result: FormattedExecutionResult) => {
      const extensions = { cost: noCost(limits), ...result.extensions };
      const text = JSON.stringify({ ...result, extensions });
      // A UTF-8 character takes at most 3 bytes per UTF-16 unit, so most answers need no byte count.
      if (text.length * 3 <= maxResponseBytes || Buffer.byteLength(text) <= maxResponseBytes) return text;
      return JSON.stringify({
        errors: [
          {
            message: `The response is larger than ${maxResponseBytes} bytes; ask for fewer items or fewer fields`,
            extensions: { code: 'RESPONSE_TOO_LARGE' },
          },
        ],
        data: null,
        extensions,
      });
    },
    // The default landing page loads Apollo Sandbox from a CDN, which is dead offline; /graphiql is bundled.
    // Cache control would instrument every field resolver (a measurable cost on big series); nothing here uses HTTP caching.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      inputLimitsPlugin(),
      wirelensPlugin({ limits }),
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
