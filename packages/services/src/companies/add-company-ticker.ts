import { auditRow, uniqueOrConflict } from '@wirelens/db/repositories';

import { findCompanyOrThrow, normalizeListing, type CompanyTickerOptions } from './find-company.js';

/** A listing of the company; a symbol belongs to one company per exchange. */
export async function addCompanyTicker(options: CompanyTickerOptions): Promise<number> {
  const { db, actor, companyId } = options;
  const listing = normalizeListing(options);
  return uniqueOrConflict(
    () =>
      db.$transaction(async (tx) => {
        await findCompanyOrThrow(tx, companyId);
        await tx.companyTicker.create({ data: { companyId, ...listing } });
        return auditRow(tx, actor, 'company.addTicker', 'Company', companyId, { after: listing });
      }),
    'symbol',
    'This ticker is already listed on that exchange',
  );
}
