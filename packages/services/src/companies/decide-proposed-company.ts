import { AppError } from '@wirelens/core';
import type { DbClient } from '@wirelens/db';
import { notFound, writeAudit, type Actor } from '@wirelens/db/repositories';

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
