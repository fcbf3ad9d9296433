// `pnpm db:migration:new <name>`: writes the next migration from the schema diff.
import { AppError } from '@wirelens/core';

import { createMigration } from '../migrations/create-migration.js';
import { dbPaths } from '../paths.js';

const name = process.argv[2];
try {
  if (!name) throw new AppError('INVALID_INPUT', 'usage: pnpm db:migration:new <name>');
  process.stderr.write('computing the schema diff (Prisma schema engine, WebAssembly)…\n');
  const result = await createMigration({
    name,
    schemaPath: dbPaths.schema,
    migrationsDir: dbPaths.migrations,
  });
  if (result.folder === null) {
    process.stdout.write('The migrations already match prisma/schema.prisma: nothing to write.\n');
  } else {
    process.stdout.write(`Wrote ${result.folder}/migration.sql\n`);
  }
  // The wasm engine keeps timers alive for ~10 s after it finishes (ENVIRONMENT.md).
  process.exit(0);
} catch (error) {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
