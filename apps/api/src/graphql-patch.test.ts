import {
  execute,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { describe, expect, it } from 'vitest';

// graphql-js is patched (patches/graphql@16.15.0.patch, README "Scaling"): the objects of a
// response are plain objects rather than prototype-less ones, and a field without arguments gets an
// empty object without a map of its argument nodes. Answers must not change, "__proto__" aliases
// included, for objects completed at once and for objects with a field that resolves later.

const received: unknown[] = [];
const Item = new GraphQLObjectType({
  name: 'Item',
  fields: {
    name: { type: new GraphQLNonNull(GraphQLString) },
    later: {
      type: new GraphQLNonNull(GraphQLString),
      resolve: (item: { name: string }) => Promise.resolve(item.name),
    },
  },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      item: {
        type: new GraphQLNonNull(Item),
        resolve: (_root, args) => {
          received.push(args);
          return { name: 'first' };
        },
      },
      repeat: {
        type: new GraphQLNonNull(GraphQLString),
        args: { times: { type: GraphQLInt, defaultValue: 2 }, word: { type: GraphQLString } },
        resolve: (_root, args: { times: number; word?: string }) => {
          received.push(args);
          return (args.word ?? 'ab').repeat(args.times);
        },
      },
    },
  }),
});

const run = (source: string) => execute({ schema, document: parse(source) });

describe('patched graphql-js', () => {
  it('answers with plain objects', async () => {
    const result = await run('{ item { name later } }');
    expect(result).toEqual({ data: { item: { name: 'first', later: 'first' } } });
    expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.data?.item)).toBe(Object.prototype);
  });

  it('keeps a "__proto__" alias as a key, in objects completed at once and later', async () => {
    const now = (await run('{ __proto__: repeat a: repeat(times: 1) }')).data as Record<string, unknown>;
    expect(Object.keys(now)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(now)).toBe('{"__proto__":"abab","a":"ab"}');
    const later = (await run('{ item { __proto__: later name } }')).data as { item: Record<string, unknown> };
    expect(Object.keys(later.item)).toEqual(['__proto__', 'name']);
    expect(JSON.stringify(later)).toBe('{"item":{"__proto__":"first","name":"first"}}');
  });

  it('gives a field without arguments an empty object, and a field with arguments its values and defaults', async () => {
    received.length = 0;
    await run('{ item { name } repeat(word: "x") }');
    expect(received).toEqual([{}, { times: 2, word: 'x' }]);
  });
});
