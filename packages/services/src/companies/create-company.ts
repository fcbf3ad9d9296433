import { AppError } from '@wirelens/core';
import { normalizeAlias, slugify, type DbClient } from '@wirelens/db';
import { auditRow, uniqueOrConflict, type Actor } from '@wirelens/db/repositories';

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

/** Adds a confirmed company to the registry with its aliases and tickers. */
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
        return auditRow(tx, actor, 'company.create', 'Company', company.id, { after: { ...input, slug } });
      }),
    'slug',
    'A company with this slug or ticker already exists',
  );
}
