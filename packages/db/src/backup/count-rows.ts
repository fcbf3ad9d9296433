import pg from 'pg';

/** The tables a restore reports, in the order it prints them. */
const MAIN_TABLES = {
  sources: 'Source',
  articles: 'Article',
  analyses: 'Analysis',
  corrections: 'Correction',
  companies: 'Company',
  users: 'User',
  auditEntries: 'AuditEntry',
} as const;

export type RowCounts = Partial<Record<keyof typeof MAIN_TABLES, number>>;

/** `count(*)` of each main table that exists (an un-migrated database has none). */
export async function countMainTables(connectionString: string): Promise<RowCounts> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const counts: RowCounts = {};
    for (const [key, table] of Object.entries(MAIN_TABLES) as [keyof typeof MAIN_TABLES, string][]) {
      const { rows } = await client.query<{ present: string | null }>(
        `SELECT to_regclass($1)::text AS present`,
        [`"${table}"`],
      );
      if (!rows[0]?.present) continue;
      const result = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`);
      counts[key] = result.rows[0]?.n ?? 0;
    }
    return counts;
  } finally {
    await client.end();
  }
}

export function formatCounts(counts: RowCounts): string {
  const entries = Object.entries(counts);
  if (entries.length === 0) return 'no Wirelens tables';
  return entries.map(([key, n]) => `${n} ${key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`).join(', ');
}
