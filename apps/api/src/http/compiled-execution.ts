import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  BREAK,
  execute,
  getNamedType,
  isAbstractType,
  OperationTypeNode,
  printSchema,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<Record<string, unknown>>['gateway'];

/** A document is compiled the second time it runs: a query sent once is not worth compiling. */
const COMPILE_AFTER_RUNS = 2;

interface DocumentState {
  runs: number;
  /** Left to graphql-js (see selectsPrismaObjects). */
  interpreted: boolean;
  /** Per operation name ('' when unnamed); null when graphql-jit could not compile it. */
  compiled: Map<string, CompiledQuery | null>;
}

/**
 * Whether any field of the document answers a Prisma-backed object, or an interface or union that
 * may be one. Pothos' Prisma plugin finds the relations a parent query already loaded by the
 * identity of graphql-js' response path objects, which graphql-jit does not reproduce: there every
 * relation would be loaded again, row by row.
 */
function selectsPrismaObjects(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        const named = type ? getNamedType(type) : null;
        if (named && (isAbstractType(named) || named.extensions.pothosPrismaModel !== undefined)) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return found;
}

/**
 * Queries executed by graphql-jit (compiled once per parsed document, then plain JavaScript per
 * request) instead of graphql-js, which walks the document and wraps every field of every object
 * in several calls: the 11,000 fields of a 5-company series cost more than their SQL. Apollo Server 5
 * has no `executor` option; its documented replacement is a `gateway` whose `load` returns one, so
 * this is a gateway serving one fixed schema. Mutations, subscriptions and anything graphql-jit
 * refuses go through graphql-js. Apollo caches parsed documents (same query text → same
 * DocumentNode), which is what keys the compiled queries here.
 */
export function compiledExecutionGateway(schema: GraphQLSchema): Gateway {
  const documents = new WeakMap<DocumentNode, DocumentState>();
  const compiledFor = (document: DocumentNode, operationName: string | undefined) => {
    let state = documents.get(document);
    if (!state) {
      state = { runs: 0, interpreted: false, compiled: new Map() };
      documents.set(document, state);
    }
    state.runs += 1;
    if (state.runs < COMPILE_AFTER_RUNS) return null;
    if (state.runs === COMPILE_AFTER_RUNS) state.interpreted = selectsPrismaObjects(schema, document);
    if (state.interpreted) return null;
    const key = operationName ?? '';
    if (!state.compiled.has(key)) {
      const compiled = compileQuery(schema, document, operationName);
      state.compiled.set(key, isCompiledQuery(compiled) ? compiled : null);
    }
    return state.compiled.get(key) ?? null;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    load: () =>
      Promise.resolve({
        executor: async ({ document, operation, operationName, request, context }) => {
          const compiled =
            operation.operation === OperationTypeNode.QUERY
              ? compiledFor(document, operationName ?? undefined)
              : null;
          if (compiled) {
            const result = await compiled.query(undefined, context, request.variables ?? {});
            // graphql-jit words and wraps errors its own way (variables, resolver errors without
            // their original); a query that fails answers again through graphql-js, so every error
            // a client sees is shaped the one way formatGraphqlError knows. Queries only read.
            if (!result.errors?.length) return result;
          }
          return execute({
            schema,
            document,
            operationName,
            variableValues: request.variables,
            contextValue: context,
          });
        },
      }),
    stop: () => Promise.resolve(),
  };
}
