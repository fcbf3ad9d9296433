import { randomBytes } from 'node:crypto';

import pg from 'pg';
import { inject } from 'vitest';

import { createDbClient, type DbClient } from '../client.js';
import { withDatabase } from './database-url.js';

import './provided-context.js';

export interface TestDatabase {
  url: string;
  name: string;
  db: DbClient;
  /** Disconnects and drops the database. */
  drop(): Promise<void>;
}

/** A fresh, migrated database cloned from the run's template; nothing is shared between tests. */
export async function createTestDatabase(
  options: { onQuery?: (sql: string) => void } = {},
): Promise<TestDatabase> {
  const { serverUrl, template } = inject('wirelensTestDb');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const db = createDbClient({ connectionString: url, maxConnections: 5, onQuery: options.onQuery });
  return {
    url,
    name,
    db,
    async drop() {
      await db.$disconnect();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** An empty (not migrated) database, for migration tests. */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const { serverUrl, template } = inject('wirelensTestDb');
  const name = `${template}_empty_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: withDatabase(serverUrl, name),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
