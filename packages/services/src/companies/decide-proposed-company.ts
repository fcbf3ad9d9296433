import { AppError } from '@wirelens/core';
import { auditRow } from '@wirelens/db/repositories';

import { findCompanyOrThrow, type CompanyActionOptions } from './find-company.js';

/** An editor's decision on a company the analyzer proposed. Rejecting removes it from articles and series. */
export async function decideProposedCompany({
  db,
  actor,
  companyId,
  decision,
}: CompanyActionOptions & { decision: 'CONFIRMED' | 'REJECTED' }): Promise<number> {
  return db.$transaction(async (tx) => {
    const company = await findCompanyOrThrow(tx, companyId);
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
    const action = decision === 'CONFIRMED' ? 'company.confirm' : 'company.reject';
    return auditRow(tx, actor, action, 'Company', companyId, {
      before: { status: company.status },
      after: { status: decision },
    });
  });
}
