import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { z } from 'zod';

import { dbPaths } from '../paths.js';

export const companySeedSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  legalName: z.string().nullable(),
  aliases: z.array(z.string().min(1)),
  ambiguousAliases: z.array(z.string().min(1)),
  tickers: z.array(z.object({ symbol: z.string().min(1), exchange: z.string().min(1) })),
  domain: z.string().nullable(),
  sector: z.string().nullable(),
  country: z.string().nullable(),
  prominence: z.number().int().min(1).max(3),
});

export type CompanySeed = z.infer<typeof companySeedSchema>;

/** The bundled company registry (see prisma/seed-data/README.md for its source and licence). */
export async function readCompanySeed(
  file = path.join(dbPaths.seedData, 'companies.json'),
): Promise<CompanySeed[]> {
  return z.array(companySeedSchema).parse(JSON.parse(await readFile(file, 'utf8')));
}

/** Lower-case, accent-free, single-spaced: the form aliases are matched and deduplicated on. */
export function normalizeAlias(alias: string): string {
  return alias
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A URL-friendly identifier from a company name ("Café Noir Ltd." → "cafe-noir-ltd"). */
export function slugify(name: string): string {
  return normalizeAlias(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
