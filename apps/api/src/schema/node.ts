import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

import { invalidInput } from '@wirelens/core';

import { builder } from '../builder.js';
import { listCost } from '../http/cost.js';

/** `nodes(ids:)` takes at most this many IDs (like GitHub's API). */
export const MAX_NODE_IDS = 100;

/**
 * The ID when it names a type that implements Node; otherwise null, so a well-formed ID of
 * nothing answers null as the schema says, instead of the relay plugin's "type not found" error.
 */
function loadable(id: { typename: string; id: string }, schema: GraphQLSchema) {
  const type = schema.getType(id.typename);
  const node = schema.getType('Node');
  const isNode = isObjectType(type) && isInterfaceType(node) && schema.isSubType(node, type);
  return isNode ? { type: id.typename, id: id.id } : null;
}

builder.queryFields((t) => ({
  node: t.node({
    description: 'Any object by its global ID; null when the ID names nothing.',
    args: { id: t.arg.globalID({ required: true, description: 'A global ID.' }) },
    id: (_root, args, _ctx, info) => loadable(args.id, info.schema),
  }),
  nodes: t.nodeList({
    description: `Objects by global ID (at most ${MAX_NODE_IDS}), in order; null where an ID names nothing.`,
    args: { ids: t.arg.globalIDList({ required: true, description: 'Global IDs.' }) },
    extensions: listCost((args) => (Array.isArray(args.ids) ? args.ids.length : 0)),
    ids: (_root, args, _ctx, info) => {
      if (args.ids.length > MAX_NODE_IDS) {
        throw invalidInput([{ field: 'ids', message: `at most ${MAX_NODE_IDS} IDs per request` }]);
      }
      return args.ids.map((id) => loadable(id, info.schema));
    },
  }),
}));
