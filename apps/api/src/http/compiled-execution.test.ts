import {
  GraphQLError,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  Kind,
  parse,
  type GraphQLResolveInfo,
} from 'graphql';
import { describe, expect, it } from 'vitest';

import { compiledExecutionGateway } from './compiled-execution.js';

// graphql-js gives every response path link its parent type's name; graphql-jit's links have none.
const executors: string[] = [];
const seen = (info: GraphQLResolveInfo) => executors.push('typename' in info.path ? 'graphql-js' : 'jit');

const Point = new GraphQLObjectType({
  name: 'Point',
  fields: {
    at: { type: new GraphQLNonNull(GraphQLString) },
    count: { type: new GraphQLNonNull(GraphQLInt) },
  },
});
// Stands for a Prisma-backed object: Pothos marks those with the model name.
const Row = new GraphQLObjectType({
  name: 'Row',
  extensions: { pothosPrismaModel: 'Row' },
  fields: { id: { type: new GraphQLNonNull(GraphQLInt) } },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      points: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Point))),
        args: { n: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: (_root, { n }: { n: number }, _ctx, info) => {
          seen(info);
          if (n < 0) throw new Error('n must not be negative');
          return Array.from({ length: n }, (_, i) => ({ at: `t${i}`, count: i }));
        },
      },
      row: {
        type: new GraphQLNonNull(Row),
        resolve: (_root, _args, _ctx, info) => {
          seen(info);
          return { id: 1 };
        },
      },
    },
  }),
});

async function executorOf() {
  const gateway = compiledExecutionGateway(schema);
  const { executor } = await gateway.load({
    apollo: { key: undefined, keyHash: undefined, graphRef: undefined },
  });
  if (!executor) throw new Error('no executor');
  return (query: string, variables: Record<string, unknown>, document = parse(query)) => {
    const operation = document.definitions[0];
    if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error('no operation');
    return executor({
      document,
      operation,
      operationName: null,
      request: { query, variables },
      context: {},
    } as unknown as Parameters<typeof executor>[0]);
  };
}

describe('compiled execution', () => {
  it('compiles a query the second time its document runs, with the same answer', async () => {
    const run = await executorOf();
    const document = parse('query P($n: Int!) { points(n: $n) { at count } }');
    executors.length = 0;
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await run('', { n: 3 }, document));
    expect(executors).toEqual(['graphql-js', 'jit', 'jit']);
    const expected = { data: { points: [0, 1, 2].map((i) => ({ at: `t${i}`, count: i })) } };
    for (const answer of answers) expect(answer).toEqual(expected);
  });

  it('answers a failing compiled query through graphql-js, with the original error', async () => {
    const run = await executorOf();
    const document = parse('query P($n: Int!) { points(n: $n) { at } }');
    await run('', { n: 1 }, document);
    executors.length = 0;
    const failed = await run('', { n: -1 }, document);
    expect(executors).toEqual(['jit', 'graphql-js']);
    const [error] = failed.errors ?? [];
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error?.path).toEqual(['points']);
    expect((error as GraphQLError).originalError?.message).toBe('n must not be negative');
    const badVariable = await run('', { n: 'x' }, document);
    expect(badVariable.errors?.[0]?.message).toContain('Variable "$n" got invalid value "x"');
  });

  it('leaves documents that reach a Prisma object to graphql-js', async () => {
    const run = await executorOf();
    const document = parse('{ row { id } }');
    executors.length = 0;
    for (let i = 0; i < 3; i += 1) expect(await run('', {}, document)).toEqual({ data: { row: { id: 1 } } });
    expect(executors).toEqual(['graphql-js', 'graphql-js', 'graphql-js']);
  });
});
