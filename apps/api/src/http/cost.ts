import {
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isLeafType,
  isListType,
  isNonNullType,
  isUnionType,
  Kind,
  OperationTypeNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Static cost of an operation before it runs, in the style of GitHub's and Shopify's APIs:
 * every object costs 1, scalars are free, and a list multiplies what each item costs by how
 * many items it can return — `first`/`last` for connections, what the field declares (see
 * `listCost`) or a default for other lists. Introspection is free.
 *
 * Why not @pothos/plugin-complexity: its walk re-enters a fragment at every spread, so a
 * document whose fragments each spread the previous one twice costs 2^n visits (issue 14 #1).
 * Fields declare their list size next to their definition instead, and this walk reads it.
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

export interface CostReport extends OperationCost {
  pageSizeProblems: PageSizeProblem[];
  /** The walk stopped once `requested` passed the budget; `requested` is what it had counted by then. */
  exceeded: boolean;
  /** Field selections examined: each field of the document at most once, whatever the spreads expand to. */
  fieldVisits: number;
}

type Args = Record<string, unknown>;

/** Declared on a list field through `extensions`: how many items it returns for its arguments. */
export interface FieldCost {
  listSize: (args: Args) => number;
}

/** `extensions` for a list field whose size follows its arguments (e.g. `limit`, the ids asked for). */
export function listCost(listSize: FieldCost['listSize']): { cost: FieldCost } {
  return { cost: { listSize } };
}

export const DEFAULT_CONNECTION_SIZE = 20;
export const DEFAULT_LIST_SIZE = 10;

/** A non-negative number argument, or null. */
export function sizeArgument(value: unknown): number | null {
  return typeof value === 'number' && value >= 0 ? value : null;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function isConnection(type: GraphQLNamedType): boolean {
  return type.name.endsWith('Connection');
}

interface Walked {
  cost: number;
  /** Levels of fields below the selection set (a scalar is one level). */
  depth: number;
}

/** Thrown inside the walk once the budget is spent; never leaves operationCost. */
class BudgetSpent extends Error {}

export function operationCost({
  schema,
  operation,
  fragments,
  variables,
  maxPageSize,
  budget,
}: {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  maxPageSize?: number;
  /** Stop as soon as the cost is known to exceed this. */
  budget: number;
}): CostReport {
  const pageSizeProblems: PageSizeProblem[] = [];
  // A fragment's cost and depth do not depend on where it is spread (its type condition fixes
  // the parent type), so each is walked once and reused: the walk is linear in the document.
  const fragmentCosts = new Map<string, Walked | 'walking'>();
  let spent = 0;
  let deepest = 0;
  let fieldVisits = 0;

  // `spent` adds each object's cost times the product of the list sizes above it, as the walk
  // meets it: it only grows and ends equal to the total, so passing the budget ends the walk.
  const charge = (cost: number, factor: number) => {
    spent += cost * factor;
    if (spent > budget) throw new BudgetSpent();
  };

  const walkFragment = (
    fragment: FragmentDefinitionNode | InlineFragmentNode,
    parent: GraphQLCompositeType,
    factor: number,
    level: number,
    path: string,
  ): Walked => {
    const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
    return isCompositeType(condition)
      ? walk(fragment.selectionSet, condition, factor, level, path)
      : { cost: 0, depth: 0 };
  };

  const walk = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType,
    factor: number,
    level: number,
    path: string,
  ): Walked => {
    const result: Walked = { cost: 0, depth: 0 };
    const add = (walked: Walked) => {
      result.cost += walked.cost;
      result.depth = Math.max(result.depth, walked.depth);
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(walkFragment(selection, parent, factor, level, path));
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const known = fragmentCosts.get(name);
        const fragment = fragments[name];
        // A cycle: validation refuses the document before this runs.
        if (known === 'walking' || !fragment) continue;
        if (known) {
          charge(known.cost, factor);
          deepest = Math.max(deepest, level - 1 + known.depth);
          add(known);
          continue;
        }
        fragmentCosts.set(name, 'walking');
        const walked = walkFragment(fragment, parent, factor, level, path);
        fragmentCosts.set(name, walked);
        add(walked);
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith('__') || isUnionType(parent)) continue;
      const field = parent.getFields()[name];
      if (!field) continue;
      fieldVisits += 1;
      deepest = Math.max(deepest, level);
      const named = getNamedType(field.type);
      // A count is one statement, whichever connection it belongs to.
      if (name === 'totalCount') {
        charge(1, factor);
        add({ cost: 1, depth: 1 });
        continue;
      }
      if (isLeafType(named) || !isCompositeType(named) || !selection.selectionSet) {
        add({ cost: 0, depth: 1 });
        continue;
      }
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
      const declared = field.extensions.cost as FieldCost | undefined;
      if (isConnection(named)) {
        // The connection costs 1; what each edge selects is paid once per item of the page
        // (its `edges` are then a list of one per item).
        // A size over the maximum is refused as a page-size problem; costing it as the maximum
        // keeps the walk going so that problem is what the client hears about.
        const asked = sizeArgument(args.first) ?? sizeArgument(args.last) ?? DEFAULT_CONNECTION_SIZE;
        const size = maxPageSize === undefined ? asked : Math.min(asked, maxPageSize);
        charge(1, factor);
        const child = walk(selection.selectionSet, named, factor * size, level + 1, fieldPath);
        add({ cost: 1 + size * child.cost, depth: 1 + child.depth });
      } else if (isList(field.type) && !isConnection(parent)) {
        const size = declared?.listSize(args) ?? DEFAULT_LIST_SIZE;
        charge(size, factor);
        const child = walk(selection.selectionSet, named, factor * size, level + 1, fieldPath);
        add({ cost: size * (1 + child.cost), depth: 1 + child.depth });
      } else {
        charge(1, factor);
        const child = walk(selection.selectionSet, named, factor, level + 1, fieldPath);
        add({ cost: 1 + child.cost, depth: 1 + child.depth });
      }
    }
    return result;
  };

  const root =
    operation.operation === OperationTypeNode.MUTATION
      ? schema.getMutationType()
      : operation.operation === OperationTypeNode.SUBSCRIPTION
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  let exceeded = false;
  try {
    if (root) walk(operation.selectionSet, root, 1, 1, '');
  } catch (error) {
    if (!(error instanceof BudgetSpent)) throw error;
    exceeded = true;
  }
  return { requested: spent, depth: deepest, pageSizeProblems, exceeded, fieldVisits };
}
