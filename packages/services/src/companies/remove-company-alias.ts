import { AppError } from '@wirelens/core';
import { normalizeAlias } from '@wirelens/db';
import { auditRow } from '@wirelens/db/repositories';

import { findCompanyOrThrow, type CompanyActionOptions } from './find-company.js';

/** Drops a name the company no longer goes by; its own name always stays (rename it instead). */
export async function removeCompanyAlias({
  db,
  actor,
  companyId,
  alias,
}: CompanyActionOptions & { alias: string }): Promise<number> {
  const normalized = normalizeAlias(alias);
  return db.$transaction(async (tx) => {
    const company = await findCompanyOrThrow(tx, companyId);
    if (normalized === normalizeAlias(company.name))
      throw new AppError('INVALID_INPUT', "A company's own name cannot be removed from its aliases", {
        details: { field: 'alias' },
      });
    const existing = await tx.companyAlias.findUnique({
      where: { companyId_normalized: { companyId, normalized } },
    });
    if (!existing)
      throw new AppError('NOT_FOUND', 'The company has no such alias', { details: { field: 'alias' } });
    await tx.companyAlias.delete({ where: { id: existing.id } });
    return auditRow(tx, actor, 'company.removeAlias', 'Company', companyId, {
      before: { alias: existing.alias, ambiguous: existing.ambiguous },
    });
  });
}
