import { createHash } from 'node:crypto';

import { generatePassword, hashPassword, TOPIC_TAXONOMY } from '@wirelens/core';

import type { DbClient } from '../client.js';
import { parseSeedFingerprint } from '../json-columns.js';
import { normalizeAlias, readCompanySeed, type CompanySeed } from './company-seed.js';

export interface SeedOptions {
  db: DbClient;
  /** First admin; when no admin exists yet one is created with this e-mail. */
  adminEmail: string;
  /** When unset, a password is generated and returned once (the caller prints it). */
  adminPassword?: string | undefined;
  companies?: CompanySeed[];
  log?: (message: string) => void;
}

export interface SeedResult {
  topics: number;
  companies: number;
  /** Set when this run created the first admin. */
  admin: { email: string; generatedPassword: string | null } | null;
  skipped: boolean;
}

const SEED_KEY = 'seed.registry';

/**
 * Seeds the topic taxonomy, the company registry and the first admin. Safe to run
 * on every start: the registry is re-applied only when its content changed, rows
 * are upserted by slug, and an admin is created only if none exists.
 */
export async function seedDatabase({
  db,
  adminEmail,
  adminPassword,
  companies,
  log = () => undefined,
}: SeedOptions): Promise<SeedResult> {
  const registry = companies ?? (await readCompanySeed());
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ topics: TOPIC_TAXONOMY, registry }))
    .digest('hex');
  const previous = await db.instanceSetting.findUnique({ where: { key: SEED_KEY } });
  const skipped = previous !== null && parseSeedFingerprint(previous.value) === fingerprint;

  if (!skipped) {
    log(`seeding ${TOPIC_TAXONOMY.length} topics and ${registry.length} companies`);
    for (const topic of TOPIC_TAXONOMY) {
      await db.topic.upsert({
        where: { slug: topic.slug },
        create: { slug: topic.slug, name: topic.name, description: topic.description, kind: 'TAXONOMY' },
        update: { name: topic.name, description: topic.description, kind: 'TAXONOMY' },
      });
    }
    await seedCompanies(db, registry);
    await db.instanceSetting.upsert({
      where: { key: SEED_KEY },
      create: { key: SEED_KEY, value: { fingerprint, at: new Date().toISOString() } },
      update: { value: { fingerprint, at: new Date().toISOString() } },
    });
    await db.auditEntry.create({
      data: {
        action: 'system.seed',
        entityType: 'Instance',
        after: { topics: TOPIC_TAXONOMY.length, companies: registry.length, fingerprint },
      },
    });
  }

  const admin = await ensureAdmin(db, adminEmail, adminPassword);
  return { topics: TOPIC_TAXONOMY.length, companies: registry.length, admin, skipped };
}

async function seedCompanies(db: DbClient, registry: CompanySeed[]): Promise<void> {
  const existing = new Map(
    (await db.company.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]),
  );
  const missing = registry.filter((company) => !existing.has(company.slug));
  if (missing.length > 0) {
    const created = await db.company.createManyAndReturn({
      data: missing.map((company) => ({
        slug: company.slug,
        name: company.name,
        legalName: company.legalName,
        domain: company.domain,
        sector: company.sector,
        country: company.country,
        prominence: company.prominence,
        status: 'CONFIRMED' as const,
      })),
      select: { id: true, slug: true },
    });
    for (const company of created) existing.set(company.slug, company.id);
  }
  const aliases: { companyId: number; alias: string; normalized: string; ambiguous: boolean }[] = [];
  const tickers: { companyId: number; symbol: string; exchange: string }[] = [];
  for (const company of registry) {
    const companyId = existing.get(company.slug);
    if (companyId === undefined) continue;
    const ambiguous = new Set(company.ambiguousAliases.map(normalizeAlias));
    const names = new Map<string, string>();
    for (const alias of [
      company.name,
      ...(company.legalName ? [company.legalName] : []),
      ...company.aliases,
      ...company.ambiguousAliases,
    ]) {
      const normalized = normalizeAlias(alias);
      if (!names.has(normalized)) names.set(normalized, alias);
    }
    for (const [normalized, alias] of names) {
      aliases.push({ companyId, alias, normalized, ambiguous: ambiguous.has(normalized) });
    }
    for (const ticker of company.tickers) {
      tickers.push({
        companyId,
        symbol: ticker.symbol.toUpperCase(),
        exchange: ticker.exchange.toUpperCase(),
      });
    }
  }
  await db.companyAlias.createMany({ data: aliases, skipDuplicates: true });
  await db.companyTicker.createMany({ data: tickers, skipDuplicates: true });
}

async function ensureAdmin(
  db: DbClient,
  email: string,
  password: string | undefined,
): Promise<SeedResult['admin']> {
  const anyAdmin = await db.user.findFirst({ where: { role: 'ADMIN' }, select: { id: true } });
  if (anyAdmin) return null;
  const generatedPassword = password ? null : generatePassword();
  const user = await db.user.create({
    data: {
      email: email.trim().toLowerCase(),
      name: 'Administrator',
      role: 'ADMIN',
      passwordHash: await hashPassword(password ?? generatedPassword ?? ''),
    },
  });
  await db.auditEntry.create({
    data: {
      action: 'user.create',
      entityType: 'User',
      entityId: String(user.id),
      after: { email: user.email, role: user.role },
    },
  });
  return { email: user.email, generatedPassword };
}
