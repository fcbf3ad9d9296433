import { AppError } from '@wirelens/core';
import { auditRow } from '@wirelens/db/repositories';

import { findCompanyOrThrow, normalizeListing, type CompanyTickerOptions } from './find-company.js';

/** Drops a listing of the company. */
export async function removeCompanyTicker(options: CompanyTickerOptions): Promise<number> {
  const { db, actor, companyId } = options;
  const listing = normalizeListing(options);
  return db.$transaction(async (tx) => {
    await findCompanyOrThrow(tx, companyId);
    const removed = await tx.companyTicker.deleteMany({ where: { companyId, ...listing } });
    if (removed.count === 0)
      throw new AppError('NOT_FOUND', 'The company has no such ticker', { details: { field: 'symbol' } });
    return auditRow(tx, actor, 'company.removeTicker', 'Company', companyId, { before: listing });
  });
}
