import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { TOPIC_TAXONOMY, verifyPassword } from '@wirelens/core';

import { readMigrations } from '../migrations/read-migrations.js';
import { dbPaths } from '../paths.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { readCompanySeed, type CompanySeed } from './company-seed.js';
import { seedDatabase } from './seed.js';

let test: TestDatabase;
let registry: CompanySeed[];

beforeEach(async () => {
  test = await createTestDatabase();
  registry = await readCompanySeed();
});

afterEach(async () => {
  await test.drop();
});

describe('bundled company registry', () => {
  it('holds at least 300 real companies with unique slugs and tickers', () => {
    expect(registry.length).toBeGreaterThanOrEqual(300);
    expect(new Set(registry.map((c) => c.slug)).size).toBe(registry.length);
    const tickers = registry.flatMap((c) => c.tickers.map((t) => `${t.exchange}:${t.symbol}`));
    expect(new Set(tickers).size).toBe(tickers.length);
    const nvidia = registry.find((c) => c.slug === 'nvidia');
    expect(nvidia?.tickers).toContainEqual({ symbol: 'NVDA', exchange: 'NASDAQ' });
    const alphabet = registry.find((c) => c.name === 'Alphabet');
    expect(alphabet?.aliases).toContain('Google');
  });
});

describe('seedDatabase', () => {
  /** Seeds the first `count` registry companies and admin@example.com (no password: a generated one). */
  const seedFirst = (count: number, adminPassword?: string) =>
    seedDatabase({
      db: test.db,
      adminEmail: 'admin@example.com',
      adminPassword,
      companies: registry.slice(0, count),
    });

  it('seeds topics, companies with aliases and tickers, and the first admin, once', async () => {
    const first = await seedDatabase({
      db: test.db,
      adminEmail: 'Admin@Example.com',
      adminPassword: 'first-password-1',
    });
    expect(first.skipped).toBe(false);
    expect(first.admin).toEqual({ email: 'admin@example.com', generatedPassword: null });
    expect(await test.db.topic.count()).toBe(TOPIC_TAXONOMY.length);
    expect(await test.db.company.count()).toBe(registry.length);
    const nvidia = await test.db.company.findUnique({
      where: { slug: 'nvidia' },
      include: { tickers: true, aliases: true },
    });
    expect(nvidia?.tickers.map((t) => t.symbol)).toContain('NVDA');
    const apple = await test.db.companyAlias.findFirst({
      where: { normalized: 'apple', company: { slug: 'apple' } },
    });
    expect(apple?.ambiguous).toBe(true);

    const admin = await test.db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
    expect(admin.role).toBe('ADMIN');
    expect(await verifyPassword('first-password-1', admin.passwordHash)).toBe(true);

    const counts = async () => ({
      topics: await test.db.topic.count(),
      companies: await test.db.company.count(),
      aliases: await test.db.companyAlias.count(),
      tickers: await test.db.companyTicker.count(),
      users: await test.db.user.count(),
    });
    const before = await counts();
    const second = await seedDatabase({
      db: test.db,
      adminEmail: 'other@example.com',
      adminPassword: 'second-password-2',
    });
    expect(second.skipped).toBe(true);
    expect(second.admin).toBeNull();
    expect(await counts()).toEqual(before);
    // The existing admin keeps their password; no second admin appears.
    expect(
      await verifyPassword(
        'first-password-1',
        (await test.db.user.findUniqueOrThrow({ where: { id: admin.id } })).passwordHash,
      ),
    ).toBe(true);
  });

  it('generates an admin password when none is configured and returns it once', async () => {
    const result = await seedFirst(5);
    const password = result.admin?.generatedPassword;
    expect(password).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    const admin = await test.db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
    expect(await verifyPassword(password ?? '', admin.passwordHash)).toBe(true);
    const again = await seedFirst(5);
    expect(again.admin).toBeNull();
  });

  it('adds companies that a newer registry brings without duplicating the old ones', async () => {
    await seedFirst(10, 'a-long-password');
    const result = await seedFirst(20);
    expect(result.skipped).toBe(false);
    expect(await test.db.company.count()).toBe(20);
  });

  it('moves Credit Suisse from a UBS alias to a company of its own on upgrade', async () => {
    // A deployment seeded before the change: UBS carried "Credit Suisse" as an alias.
    const ubs = registry.find((c) => c.slug === 'ubs');
    if (!ubs) throw new Error('the registry has no UBS');
    const previous = registry
      .filter((c) => c.slug !== 'credit-suisse')
      .map((c) => (c === ubs ? { ...ubs, aliases: [...ubs.aliases, 'Credit Suisse'] } : c));
    await seedDatabase({ db: test.db, adminEmail: 'admin@example.com', companies: previous });
    const owners = () =>
      test.db.companyAlias
        .findMany({ where: { normalized: 'credit suisse' }, select: { company: { select: { slug: true } } } })
        .then((rows) => rows.map((row) => row.company.slug));
    expect(await owners()).toEqual(['ubs']);

    const migration = (await readMigrations(dbPaths.migrations)).find((m) =>
      m.name.endsWith('_credit_suisse_own_company'),
    );
    await test.db.$executeRawUnsafe(migration?.sql ?? '');
    await seedDatabase({ db: test.db, adminEmail: 'admin@example.com', companies: registry });
    expect(await owners()).toEqual(['credit-suisse']);
    // UBS keeps its other names.
    const ubsAliases = await test.db.companyAlias.findMany({ where: { company: { slug: 'ubs' } } });
    expect(ubsAliases.map((a) => a.normalized).sort()).toEqual(['ubs', 'ubs group', 'ubs group ag']);
  });

  it("moves carmakers to their industry on upgrade, leaving an editor's sector alone", async () => {
    // A deployment seeded before the change: carmakers were "Consumer Discretionary".
    const previous = registry.map((c) =>
      c.sector === 'Automobiles & Components' ? { ...c, sector: 'Consumer Discretionary' } : c,
    );
    await seedDatabase({ db: test.db, adminEmail: 'admin@example.com', companies: previous });
    // An editor had set Ferrari's sector by hand.
    await test.db.company.update({ where: { slug: 'ferrari' }, data: { sector: 'Luxury Goods' } });
    const sectorOf = async (slug: string) =>
      (await test.db.company.findUniqueOrThrow({ where: { slug }, select: { sector: true } })).sector;
    expect(await sectorOf('tesla')).toBe('Consumer Discretionary');

    const migration = (await readMigrations(dbPaths.migrations)).find((m) =>
      m.name.endsWith('_carmakers_own_industry'),
    );
    await test.db.$executeRawUnsafe(migration?.sql ?? '');
    await seedDatabase({ db: test.db, adminEmail: 'admin@example.com', companies: registry });
    expect(await sectorOf('tesla')).toBe('Automobiles & Components');
    expect(await sectorOf('toyota')).toBe('Automobiles & Components');
    expect(await sectorOf('ferrari')).toBe('Luxury Goods');
    // Sellers and makers of other goods keep the sector.
    expect(await sectorOf('amazon')).toBe('Consumer Discretionary');
    expect(await sectorOf('nike')).toBe('Consumer Discretionary');
    // Every company the registry files under the industry carries it after the upgrade.
    const moved = registry.filter((c) => c.sector === 'Automobiles & Components').map((c) => c.slug);
    const stored = await test.db.company.findMany({
      where: { sector: 'Automobiles & Components' },
      select: { slug: true },
    });
    expect(stored.map((c) => c.slug).sort()).toEqual(moved.filter((slug) => slug !== 'ferrari').sort());
  });

  it('records the seed in the audit log, which refuses edits', async () => {
    await seedFirst(3, 'a-long-password');
    const entry = await test.db.auditEntry.findFirstOrThrow({ where: { action: 'system.seed' } });
    await expect(
      test.db.auditEntry.update({ where: { id: entry.id }, data: { action: 'tampered' } }),
    ).rejects.toThrow(/append-only/);
    await expect(test.db.auditEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
  });
});
