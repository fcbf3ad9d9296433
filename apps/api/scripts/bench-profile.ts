// Where a GraphQL request's time goes, for `pnpm bench:api`: an Apollo plugin that times the phases
// of each operation (parse + validate, execution, serialisation) and every resolver, plus a count of
// the SQL statements the request sent (from the db client's query events).
import { performance } from 'node:perf_hooks';

import type { ApolloServerPlugin } from '@apollo/server';

import type { Context } from '../src/context.js';

export interface RequestProfile {
  requests: number;
  statements: number;
  /** PostgreSQL time as Prisma reports it, summed. */
  statementMs: number;
  parseValidateMs: number;
  executionMs: number;
  serialiseMs: number;
  /** Per `Type.field`: resolver calls and their summed time (async resolvers overlap). */
  fields: Map<string, { calls: number; ms: number }>;
}

const emptyProfile = (): RequestProfile => ({
  requests: 0,
  statements: 0,
  statementMs: 0,
  parseValidateMs: 0,
  executionMs: 0,
  serialiseMs: 0,
  fields: new Map(),
});

export function createProfiler() {
  let profile = emptyProfile();
  const plugin: ApolloServerPlugin<Context> = {
    requestDidStart() {
      const started = performance.now();
      let executionStarted = 0;
      return Promise.resolve({
        didResolveOperation() {
          profile.parseValidateMs += performance.now() - started;
          return Promise.resolve();
        },
        executionDidStart() {
          executionStarted = performance.now();
          return Promise.resolve({
            willResolveField({ info }) {
              const fieldStarted = performance.now();
              const key = `${info.parentType.name}.${info.fieldName}`;
              return () => {
                const entry = profile.fields.get(key) ?? { calls: 0, ms: 0 };
                entry.calls += 1;
                entry.ms += performance.now() - fieldStarted;
                profile.fields.set(key, entry);
              };
            },
            executionDidEnd() {
              profile.executionMs += performance.now() - executionStarted;
              return Promise.resolve();
            },
          });
        },
        willSendResponse({ response }) {
          profile.requests += 1;
          // Apollo stringifies the result once more after this; timing one JSON.stringify of it is the cost.
          if (response.body.kind === 'single') {
            const t = performance.now();
            JSON.stringify(response.body.singleResult);
            profile.serialiseMs += performance.now() - t;
          }
          return Promise.resolve();
        },
      });
    },
  };
  return {
    plugin,
    /** For the db client's `onQuery`. */
    onQuery: (_sql: string, durationMs: number) => {
      profile.statements += 1;
      profile.statementMs += durationMs;
    },
    /** Returns what was recorded since the last call and starts afresh. */
    take(): RequestProfile {
      const taken = profile;
      profile = emptyProfile();
      return taken;
    },
  };
}

/** A few lines: per request, the phases, statements and the slowest resolvers. */
export function describeProfile(name: string, p: RequestProfile, topFields = 6): string {
  const per = (n: number) => (p.requests ? n / p.requests : 0).toFixed(2);
  const fields = [...p.fields.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, topFields)
    .map(([field, f]) => `${field} ×${(f.calls / p.requests).toFixed(0)} ${per(f.ms)} ms`)
    .join(', ');
  return (
    `- ${name}: per request ${per(p.statements)} SQL statements (${per(p.statementMs)} ms in PostgreSQL), ` +
    `parse+validate ${per(p.parseValidateMs)} ms, execution ${per(p.executionMs)} ms, serialise ${per(p.serialiseMs)} ms; ` +
    `slowest resolvers (summed, they overlap): ${fields}`
  );
}
