import { BasePlugin, isThenable, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLFieldResolver } from 'graphql';

/**
 * Encodes a Relay node's `id` without a promise. The relay plugin's `globalID` resolver is async,
 * so in a list every node waited on a promise for its id and graphql-js completed each node, its
 * edge and the list through promise chains (a feed page of 20 articles spent more time there than in
 * all its other fields). A node's own id resolver (here: the row id) is synchronous; it is encoded
 * in place, as the relay plugin would (this builder sets no custom `encodeGlobalID`). An id resolver
 * that answers a promise still goes through the relay plugin's resolver.
 */
export class SyncNodeIdPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.kind !== 'Object' || fieldConfig.name !== 'id') return resolver;
    const type = this.buildCache.getTypeConfig(fieldConfig.parentType);
    // Set on node types by the relay plugin (`prismaNode`, `node`): what the id is read from.
    const nodeId = (type.pothosOptions as { id?: { resolve?: unknown } }).id?.resolve;
    if (typeof nodeId !== 'function') return resolver;
    const readId = nodeId as GraphQLFieldResolver<unknown, Types['Context'], object>;
    return (parent, args, context, info) => {
      const id = readId(parent, args, context, info);
      return isThenable(id) ? resolver(parent, args, context, info) : encodeGlobalID(type.name, String(id));
    };
  }
}
