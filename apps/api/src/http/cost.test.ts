import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';

import { schema } from '../schema/index.js';
import { operationCost } from './cost.js';

function costOf(query: string, options: { budget?: number; variables?: Record<string, unknown> } = {}) {
  const document = parse(query);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    if (definition.kind === Kind.OPERATION_DEFINITION) operation = definition;
  }
  if (!operation) throw new Error('no operation');
  return operationCost({
    schema,
    operation,
    fragments,
    variables: options.variables ?? {},
    maxPageSize: 100,
    budget: options.budget ?? Number.POSITIVE_INFINITY,
  });
}

function fanOut(levels: number): string {
  const fragments = ['fragment F0 on Query { me { role } }'];
  for (let level = 1; level <= levels; level += 1) {
    fragments.push(`fragment F${level} on Query { ...F${level - 1} ...F${level - 1} }`);
  }
  return `query { ...F${levels} }\n${fragments.join('\n')}`;
}

describe('operationCost', () => {
  it('visits each field of a fragment once however often it is spread', () => {
    for (const levels of [1, 10, 20, 30]) {
      const cost = costOf(fanOut(levels));
      // `me` and `role`, once each: the walk is linear in the document, not in what it expands to.
      expect(cost.fieldVisits).toBe(2);
      // …while the cost is still what the expanded query would cost.
      expect(cost.requested).toBe(2 ** levels);
      expect(cost.depth).toBe(2);
    }
  });

  it('stops as soon as the budget is spent', () => {
    const query = `{ a: articles(first: 100) { edges { node { title } } } b: articles(first: 100) { edges { node { title } } } }`;
    expect(costOf(query)).toMatchObject({ requested: 402, exceeded: false, fieldVisits: 8 });
    const stopped = costOf(query, { budget: 150 });
    expect(stopped.exceeded).toBe(true);
    expect(stopped.requested).toBeGreaterThan(150);
    expect(stopped.fieldVisits).toBeLessThan(8);
  });

  it("reports a fragment's page-size problem once and its depth where it is spread deepest", () => {
    const cost = costOf(`
      { topics { ...T } articles(first: 5) { edges { node { topics { topic { ...T } } } } } }
      fragment T on Topic { articles(first: 500) { totalCount } }`);
    expect(cost.pageSizeProblems).toEqual([{ field: 'topics.articles.first', value: 500 }]);
    // articles → edges → node → topics → topic → articles → totalCount
    expect(cost.depth).toBe(7);
  });

  it('counts every object a list returns', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `"${i}"`).join(', ');
    expect(costOf(`{ nodes(ids: [${ids}]) { id } }`).requested).toBe(40);
    expect(
      costOf('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { variables: { ids: ['a', 'b'] } }).requested,
    ).toBe(2);
    // A page of 50 articles: 1 (connection) + 50 × (edge + node + 10 × (company link + company)).
    expect(
      costOf('{ articles(first: 50) { edges { node { companies { company { name } } } } } }').requested,
    ).toBe(1 + 50 * (2 + 10 * 2));
  });
});
