import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  isListType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

import { MAX_STRING_LENGTH } from '../validation.js';

interface Problem {
  field: string;
  message: string;
  /** How the message names the value, when the argument declares it (else the field path). */
  subject?: string;
}

function maxLengthOf(extensions: Readonly<Record<string, unknown>> | null | undefined): number {
  const declared = extensions?.maxLength;
  return typeof declared === 'number' ? declared : MAX_STRING_LENGTH;
}

/** The first string in `value` (typed `type`) that is too long or holds a NUL, which PostgreSQL cannot store. */
function findStringProblem(
  value: unknown,
  type: GraphQLInputType,
  maxLength: number,
  path: string,
): Problem | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    if (value.length > maxLength) return { field: path, message: `must be at most ${maxLength} characters` };
    if (value.includes('\u0000')) return { field: path, message: 'must not contain NUL characters' };
    return null;
  }
  const nullable = getNullableType(type);
  if (isListType(nullable) && Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = findStringProblem(item, nullable.ofType, maxLength, `${path}[${index}]`);
      if (problem) return problem;
    }
    return null;
  }
  const named = getNamedType(type);
  if (isInputObjectType(named) && typeof value === 'object') {
    const fields = named.getFields();
    for (const [name, fieldValue] of Object.entries(value)) {
      const field = fields[name];
      if (!field) continue;
      const problem = findStringProblem(
        fieldValue,
        field.type,
        maxLengthOf(field.extensions),
        `${path}.${name}`,
      );
      if (problem) return problem;
    }
  }
  return null;
}

/** A field of an operation (or of a fragment in its document) that takes arguments. */
interface ArgumentSite {
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

/**
 * The fields with arguments of each operation, per schema: found once with a typed walk of the
 * document, which costs more than checking them (Apollo hands every request of the same query
 * text the same parsed document).
 */
const argumentSites = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, ArgumentSite[]>>();

function argumentSitesOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): ArgumentSite[] {
  let bySchema = argumentSites.get(schema);
  if (!bySchema) {
    bySchema = new WeakMap();
    argumentSites.set(schema, bySchema);
  }
  const known = bySchema.get(operation);
  if (known) return known;
  const sites: ArgumentSite[] = [];
  const typeInfo = new TypeInfo(schema);
  const definitions = document.definitions.filter(
    (definition) => definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION,
  );
  visit(
    { ...document, definitions },
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const field = typeInfo.getFieldDef();
        if (field && field.args.length > 0) sites.push({ field, node });
      },
    }),
  );
  bySchema.set(operation, sites);
  return sites;
}

/**
 * Every string an operation passes to a field, as a literal or a variable, inside input objects and lists:
 * checked once, over the coerced argument values, before anything runs.
 */
export function checkStringArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): void {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  // Variables of the wrong type: execution reports them, naming the variable.
  if (coerced.errors) return;
  let problem: Problem | null = null;
  for (const { field, node } of argumentSitesOf(schema, document, operation)) {
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(field, node, coerced.coerced);
    } catch {
      // A missing or mistyped argument: execution reports it.
      continue;
    }
    for (const arg of field.args) {
      const path = `${field.name}.${arg.name}`;
      problem = findStringProblem(values[arg.name], arg.type, maxLengthOf(arg.extensions), path);
      const subject = arg.extensions.subject;
      // The use case's own words for its document, so the API and the CLI refuse it alike.
      if (problem?.field === path && typeof subject === 'string') problem = { ...problem, subject };
      if (problem) break;
    }
    if (problem) break;
  }
  if (problem) {
    const { field, message, subject } = problem;
    throw new GraphQLError(`${subject ?? field} ${message}`, {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 }, field, fields: [{ field, message }] },
    });
  }
}

/** Runs checkStringArguments on every operation, before the other checks. */
export function inputLimitsPlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, document, request, schema }) {
          if (operation) checkStringArguments(schema, document, operation, request.variables ?? {});
          return Promise.resolve();
        },
      });
    },
  };
}
