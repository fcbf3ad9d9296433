import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dbPaths } from '../paths.js';
import { createMigration, detectDrift } from './create-migration.js';

// Uses Prisma's schema engine (WebAssembly) over an in-memory PGlite: no Rust engine, no network.
describe('schema drift', () => {
  it('applying the migrations folder yields exactly schema.prisma', async () => {
    expect(await detectDrift({ schemaPath: dbPaths.schema, migrationsDir: dbPaths.migrations })).toBe('');
  });

  it('db:migration:new writes the SQL for a schema change, and then there is no drift', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'wirelens-drift-'));
    try {
      const migrationsDir = path.join(dir, 'migrations');
      await cp(dbPaths.migrations, migrationsDir, { recursive: true });
      const schemaPath = path.join(dir, 'schema.prisma');
      const schema = await readFile(dbPaths.schema, 'utf8');
      await writeFile(schemaPath, schema.replace('model InstanceSetting {', 'model InstanceSetting {\n  note String?'));

      const created = await createMigration({
        name: 'Add setting note',
        schemaPath,
        migrationsDir,
        now: new Date('2099-01-02T03:04:05Z'),
      });
      expect(created.folder).toBe(path.join(migrationsDir, '20990102030405_add_setting_note'));
      expect(created.sql).toContain('ALTER TABLE "InstanceSetting" ADD COLUMN     "note" TEXT;');
      expect(await detectDrift({ schemaPath, migrationsDir })).toBe('');

      const again = await createMigration({ name: 'noop', schemaPath, migrationsDir });
      expect(again.folder).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
