import SchemaBuilder, { type SchemaTypes } from '@pothos/core';

import { CompiledRowPlugin } from './compiled-rows.js';
import { DirectColumnPlugin } from './direct-columns.js';
import { SyncNodeIdPlugin } from './sync-node-ids.js';

/** This API's own Pothos plugins, by their names in a builder's `plugins` list. */
export const SYNC_NODE_IDS = 'syncNodeIds';
export const DIRECT_COLUMNS = 'directColumns';
export const COMPILED_ROWS = 'compiledRows';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Pothos' plugin registry is this global namespace.
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      syncNodeIds: SyncNodeIdPlugin<Types>;
      directColumns: DirectColumnPlugin<Types>;
      compiledRows: CompiledRowPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(SYNC_NODE_IDS, SyncNodeIdPlugin);
SchemaBuilder.registerPlugin(DIRECT_COLUMNS, DirectColumnPlugin);
SchemaBuilder.registerPlugin(COMPILED_ROWS, CompiledRowPlugin);
