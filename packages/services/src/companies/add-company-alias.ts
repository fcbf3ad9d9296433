import { AppError } from '@wirelens/core';
import { normalizeAlias } from '@wirelens/db';
import { auditRow, uniqueOrConflict } from '@wirelens/db/repositories';

import { findCompanyOrThrow, type CompanyActionOptions } from './find-company.js';

/** Another name a company goes by in news; `ambiguous` when it is also an ordinary word. */
export async function addCompanyAlias({
  db,
  actor,
  companyId,
  alias,
  ambiguous = false,
}: CompanyActionOptions & { alias: string; ambiguous?: boolean }): Promise<number> {
  const normalized = normalizeAlias(alias);
  if (!normalized) throw new AppError('INVALID_INPUT', 'The alias is empty', { details: { field: 'alias' } });
  return uniqueOrConflict(
    () =>
      db.$transaction(async (tx) => {
        await findCompanyOrThrow(tx, companyId);
        await tx.companyAlias.create({ data: { companyId, alias: alias.trim(), normalized, ambiguous } });
        return auditRow(tx, actor, 'company.addAlias', 'Company', companyId, { after: { alias, ambiguous } });
      }),
    'alias',
    'The company already has this alias',
  );
}
