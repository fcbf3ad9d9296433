/**
 * Prisma's schema engine compiled to WebAssembly, driven over an in-memory PGlite.
 * Works around the Rust schema-engine binary, which cannot be downloaded on
 * offline machines (ENVIRONMENT.md): we only need it to compute schema diffs,
 * never to touch a real database.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { DiffTarget, MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import type { MigrationFolder } from './read-migrations.js';

const require = createRequire(import.meta.url);

type WasmExports = Record<string, unknown>;

interface WasmBindings {
  __wbg_set_wasm(exports: WasmExports): void;
  SchemaEngine: typeof SchemaEngine;
}

// @types/node 20 does not declare the WebAssembly global; this is the part we use.
const wasmRuntime = (
  globalThis as unknown as {
    WebAssembly: {
      instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: WasmExports } }>;
    };
  }
).WebAssembly;

let loaded: Promise<typeof SchemaEngine> | null = null;

/** The wasm module holds global state: instantiate it once per process. */
function loadSchemaEngine(): Promise<typeof SchemaEngine> {
  loaded ??= instantiateSchemaEngine();
  return loaded;
}

async function instantiateSchemaEngine(): Promise<typeof SchemaEngine> {
  // The package's root entry cannot be imported in Node; load the bindings and the .wasm by hand.
  const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bindings = (await import(bindingsPath)) as WasmBindings;
  const wasm = await readFile(path.join(path.dirname(bindingsPath), 'schema_engine_bg.wasm'));
  const { instance } = await wasmRuntime.instantiate(wasm, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings.SchemaEngine;
}

export function toMigrationList(migrationsDir: string, folders: MigrationFolder[]): MigrationList {
  return {
    baseDir: migrationsDir,
    lockfile: { path: path.join(migrationsDir, 'migration_lock.toml'), content: 'provider = "postgresql"\n' },
    shadowDbInitScript: '',
    migrationDirectories: folders.map((folder) => ({
      path: folder.name,
      migrationFile: {
        path: path.join(folder.name, 'migration.sql'),
        content: { tag: 'ok', value: folder.sql },
      },
    })),
  };
}

export interface SchemaDiffOptions {
  from: DiffTarget;
  to: DiffTarget;
}

/** Returns the SQL script that turns `from` into `to` (empty when they match). */
export async function diffSchemas({ from, to }: SchemaDiffOptions): Promise<string> {
  const Engine = await loadSchemaEngine();
  const pglite = new PGlite();
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite));
    const engine = await Engine.new({ datamodels: undefined }, () => undefined, adapter);
    const result = await engine.diff({
      from,
      to,
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    engine.free();
    return result.stdout ?? '';
  } finally {
    await pglite.close();
  }
}

export function schemaTarget(schemaPath: string, content: string): DiffTarget {
  return { tag: 'schemaDatamodel', files: [{ path: schemaPath, content }] };
}

/** True when a diff script only says there is nothing to do. */
export function isEmptyDiff(script: string): boolean {
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('--'))
    .every((line) => line === '');
}
