import { AppError } from '@wirelens/core';

import type { DbClient } from '../client.js';
import { normalizeAlias } from '../seed/company-seed.js';
import { writeAudit } from './audit.js';
import { notFound, uniqueOrConflict } from './errors.js';
import { slugify } from './save-analysis-run.js';
import { rebuildSentimentBucketsIn } from './sentiment-buckets.js';
import type { Actor } from './types.js';

export interface CreateCompanyInput {
  name: string;
  slug?: string | null;
  legalName?: string | null;
  domain?: string | null;
  sector?: string | null;
  country?: string | null;
  prominence?: number | null;
  aliases?: string[] | null;
  tickers?: { symbol: string; exchange?: string | null }[] | null;
}

export async function createCompany({
  db,
  actor,
  input,
}: {
  db: DbClient;
  actor: Actor;
  input: CreateCompanyInput;
}): Promise<number> {
  const slug = input.slug ?? slugify(input.name);
  if (!slug)
    throw new AppError('INVALID_INPUT', 'The name gives no usable slug', { details: { field: 'slug' } });
  const aliases = new Map<string, string>();
  for (const alias of [input.name, ...(input.aliases ?? [])]) {
    const normalized = normalizeAlias(alias);
    if (normalized && !aliases.has(normalized)) aliases.set(normalized, alias.trim());
  }
  return uniqueOrConflict(
    () =>
      db.$transaction(async (tx) => {
        const company = await tx.company.create({
          data: {
            slug,
            name: input.name.trim(),
            legalName: input.legalName ?? null,
            domain: input.domain ?? null,
            sector: input.sector ?? null,
            country: input.country ?? null,
            prominence: input.prominence ?? 1,
            status: 'CONFIRMED',
            aliases: { create: [...aliases].map(([normalized, alias]) => ({ alias, normalized })) },
            tickers: {
              create: (input.tickers ?? []).map((t) => ({
                symbol: t.symbol.toUpperCase(),
                exchange: (t.exchange ?? '').toUpperCase(),
              })),
            },
          },
        });
        await writeAudit(tx, actor, {
          action: 'company.create',
          entityType: 'Company',
          entityId: company.id,
          after: { ...input, slug },
        });
        return company.id;
      }),
    'slug',
    'A company with this slug or ticker already exists',
  );
}

export async function addCompanyAlias({
  db,
  actor,
  companyId,
  alias,
  ambiguous = false,
}: {
  db: DbClient;
  actor: Actor;
  companyId: number;
  alias: string;
  ambiguous?: boolean;
}): Promise<number> {
  const normalized = normalizeAlias(alias);
  if (!normalized) throw new AppError('INVALID_INPUT', 'The alias is empty', { details: { field: 'alias' } });
  return uniqueOrConflict(
    () =>
      db.$transaction(async (tx) => {
        const company = await tx.company.findUnique({ where: { id: companyId }, select: { id: true } });
        if (!company) throw notFound('Company', companyId, 'companyId');
        await tx.companyAlias.create({ data: { companyId, alias: alias.trim(), normalized, ambiguous } });
        await writeAudit(tx, actor, {
          action: 'company.addAlias',
          entityType: 'Company',
          entityId: companyId,
          after: { alias, ambiguous },
        });
        return companyId;
      }),
    'alias',
    'The company already has this alias',
  );
}

/**
 * Folds `sourceId` into `targetId`: its article links, aliases and tickers move to the target,
 * it is kept as MERGED (pointing at the target) and both series are rebuilt.
 */
export async function mergeCompanies({
  db,
  actor,
  sourceId,
  targetId,
}: {
  db: DbClient;
  actor: Actor;
  sourceId: number;
  targetId: number;
}): Promise<number> {
  if (sourceId === targetId)
    throw new AppError('INVALID_INPUT', 'A company cannot be merged into itself', {
      details: { field: 'targetId' },
    });
  return db.$transaction(
    async (tx) => {
      const [source, target] = await Promise.all([
        tx.company.findUnique({ where: { id: sourceId } }),
        tx.company.findUnique({ where: { id: targetId } }),
      ]);
      if (!source) throw notFound('Company', sourceId, 'sourceId');
      if (!target) throw notFound('Company', targetId, 'targetId');
      if (source.status === 'MERGED')
        throw new AppError('CONFLICT', 'The company is already merged', { details: { field: 'sourceId' } });
      if (target.status === 'MERGED' || target.status === 'REJECTED') {
        throw new AppError('INVALID_INPUT', 'Cannot merge into a merged or rejected company', {
          details: { field: 'targetId' },
        });
      }
      const moved = await tx.$executeRaw`
        UPDATE "ArticleCompany" SET "companyId" = ${targetId}
        WHERE "companyId" = ${sourceId}
          AND "articleId" NOT IN (SELECT "articleId" FROM "ArticleCompany" WHERE "companyId" = ${targetId})`;
      await tx.articleCompany.deleteMany({ where: { companyId: sourceId } });
      await tx.$executeRaw`
        UPDATE "CompanyAlias" SET "companyId" = ${targetId}
        WHERE "companyId" = ${sourceId}
          AND "normalized" NOT IN (SELECT "normalized" FROM "CompanyAlias" WHERE "companyId" = ${targetId})`;
      await tx.companyTicker.updateMany({ where: { companyId: sourceId }, data: { companyId: targetId } });
      await tx.company.update({
        where: { id: sourceId },
        data: { status: 'MERGED', mergedIntoId: targetId },
      });
      await rebuildSentimentBucketsIn(tx, [sourceId, targetId]);
      await writeAudit(tx, actor, {
        action: 'company.merge',
        entityType: 'Company',
        entityId: sourceId,
        before: { status: source.status, mergedIntoId: null },
        after: { status: 'MERGED', mergedIntoId: targetId, articlesMoved: moved },
      });
      return targetId;
    },
    { timeout: 60_000 },
  );
}

/** An editor's decision on a company the analyzer proposed. Rejecting removes it from articles and series. */
export async function decideProposedCompany({
  db,
  actor,
  companyId,
  decision,
}: {
  db: DbClient;
  actor: Actor;
  companyId: number;
  decision: 'CONFIRMED' | 'REJECTED';
}): Promise<number> {
  return db.$transaction(async (tx) => {
    const company = await tx.company.findUnique({ where: { id: companyId } });
    if (!company) throw notFound('Company', companyId, 'companyId');
    if (company.status !== 'PROPOSED') {
      throw new AppError('CONFLICT', `The company is ${company.status.toLowerCase()}, not proposed`, {
        details: { field: 'companyId' },
      });
    }
    await tx.company.update({ where: { id: companyId }, data: { status: decision } });
    if (decision === 'REJECTED') {
      await tx.articleCompany.deleteMany({ where: { companyId } });
      await tx.sentimentBucket.deleteMany({ where: { subject: 'COMPANY', subjectId: companyId } });
    }
    await writeAudit(tx, actor, {
      action: decision === 'CONFIRMED' ? 'company.confirm' : 'company.reject',
      entityType: 'Company',
      entityId: companyId,
      before: { status: company.status },
      after: { status: decision },
    });
    return companyId;
  });
}
