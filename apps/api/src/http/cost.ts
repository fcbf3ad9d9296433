import {
  getArgumentValues,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Kind,
  OperationTypeNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Static cost of an operation before it runs, in the style of GitHub's and Shopify's APIs:
 * every object costs 1, scalars are free, and a list multiplies what each item selects by how
 * many items it can return — `first`/`last` for connections, `limit` or the number of ids asked
 * for where a field has one, and a default for other lists. Introspection is free.
 */
export interface OperationCost {
  requested: number;
  depth: number;
}

/** A `first`/`last` argument outside 0..maxPageSize, by response path (e.g. `companies.first`). */
export interface PageSizeProblem {
  field: string;
  value: unknown;
}

export const DEFAULT_CONNECTION_SIZE = 20;
export const DEFAULT_LIST_SIZE = 10;

type Args = Record<string, unknown>;

function listSize(field: GraphQLField<unknown, unknown>, args: Args, parentName: string): number {
  const asNumber = (value: unknown) => (typeof value === 'number' && value >= 0 ? value : null);
  const asLength = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  switch (`${parentName}.${field.name}`) {
    case 'Query.sentimentSeries':
      return Math.max(1, asLength(args.companyIds) + asLength(args.topicIds));
    case 'Query.nodes':
      return asLength(args.ids);
    case 'Query.topMovers':
      return asNumber(args.limit) ?? DEFAULT_LIST_SIZE;
    case 'Article.related':
      return asNumber(args.limit) ?? 5;
    case 'Query.topics':
      return 25;
    default:
      break;
  }
  if ('first' in args || 'last' in args)
    return asNumber(args.first) ?? asNumber(args.last) ?? DEFAULT_CONNECTION_SIZE;
  return DEFAULT_LIST_SIZE;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function isConnection(type: GraphQLNamedType): boolean {
  return type.name.endsWith('Connection');
}

export function operationCost({
  schema,
  operation,
  fragments,
  variables,
  maxPageSize,
}: {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  maxPageSize?: number;
}): OperationCost & { pageSizeProblems: PageSizeProblem[] } {
  let maxDepth = 0;
  const pageSizeProblems: PageSizeProblem[] = [];

  const visit = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType,
    depth: number,
    path = '',
  ): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD || selection.kind === Kind.INLINE_FRAGMENT) {
        const fragment =
          selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : selection;
        if (!fragment) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        if (condition && (isObjectType(condition) || isInterfaceType(condition) || isUnionType(condition))) {
          total += visit(fragment.selectionSet, condition, depth, path);
        }
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith('__')) continue;
      if (isUnionType(parent)) continue;
      const field = parent.getFields()[name];
      if (!field) continue;
      maxDepth = Math.max(maxDepth, depth);
      const named = getNamedType(field.type);
      if (name === 'totalCount') {
        total += 1;
        continue;
      }
      if (isLeafType(named) || !selection.selectionSet) continue;
      let args: Args;
      try {
        args = getArgumentValues(field, selection, variables);
      } catch {
        // Invalid arguments fail validation or execution anyway; cost them with defaults.
        args = {};
      }
      const fieldPath = `${path}${path ? '.' : ''}${selection.alias?.value ?? name}`;
      for (const key of ['first', 'last'] as const) {
        const value = args[key];
        if (
          maxPageSize !== undefined &&
          value !== undefined &&
          value !== null &&
          (typeof value !== 'number' || value < 0 || value > maxPageSize)
        ) {
          pageSizeProblems.push({ field: `${fieldPath}.${key}`, value });
        }
      }
      const child = visit(selection.selectionSet, named as GraphQLCompositeType, depth + 1, fieldPath);
      const multiplier = isConnection(named) || isList(field.type) ? listSize(field, args, parent.name) : 1;
      // Edges of a connection are already counted by the connection's first/last.
      const effective = isConnection(parent) && name === 'edges' ? 1 : multiplier;
      total += 1 + effective * child;
    }
    return total;
  };

  const root =
    operation.operation === OperationTypeNode.MUTATION
      ? schema.getMutationType()
      : operation.operation === OperationTypeNode.SUBSCRIPTION
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const requested = root ? visit(operation.selectionSet, root, 1) : 0;
  return { requested, depth: maxDepth, pageSizeProblems };
}
