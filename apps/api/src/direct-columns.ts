import { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { OperationTypeNode, type GraphQLFieldResolver } from 'graphql';

/** The column an exposed field of a Prisma object in select mode reads, if that is all it selects. */
function exposedColumn<Types extends SchemaTypes>(
  fieldConfig: PothosOutputFieldConfig<Types>,
): string | null {
  const { pothosExposedField: column, pothosPrismaSelect: select } = fieldConfig.extensions ?? {};
  if (fieldConfig.kind !== 'PrismaObject' || typeof column !== 'string') return null;
  if (typeof select !== 'object' || select === null) return null;
  const entries = Object.entries(select);
  return entries.length === 1 && entries[0]?.[0] === column && entries[0][1] === true ? column : null;
}

/**
 * Answers an exposed column of a Prisma row straight from the row when it holds it. The Prisma
 * plugin wraps every field that selects something, a plain column too, in a lookup of what the
 * request's plan loaded (by response path, per row): the 20 articles of a feed page with their
 * source, companies and topics make about 230 of those for columns alone, and the lookup finds
 * that the plan loaded the column and returns it from the row. A column the row does not hold (a
 * row loaded without the plan's query) still goes through the lookup, and the Prisma plugin loads
 * it. So does every column of a subscription's payload, a row read when its event happened, which
 * the Prisma plugin reads again when it is delivered.
 */
export class DirectColumnPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const column = exposedColumn(fieldConfig);
    if (column === null) return resolver;
    return (parent, args, context, info) => {
      const value = (parent as Record<string, unknown>)[column];
      return value === undefined || info.operation.operation === OperationTypeNode.SUBSCRIPTION
        ? resolver(parent, args, context, info)
        : value;
    };
  }
}
