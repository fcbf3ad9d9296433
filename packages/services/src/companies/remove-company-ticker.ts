import { AppError } from '@wirelens/core';
import type { DbClient } from '@wirelens/db';
import { notFound, writeAudit, type Actor } from '@wirelens/db/repositories';

/** Drops a listing of the company. */
export async function removeCompanyTicker({
  db,
  actor,
  companyId,
  symbol,
  exchange = '',
}: {
  db: DbClient;
  actor: Actor;
  companyId: number;
  symbol: string;
  exchange?: string;
}): Promise<number> {
  const listing = { symbol: symbol.trim().toUpperCase(), exchange: exchange.trim().toUpperCase() };
  return db.$transaction(async (tx) => {
    const company = await tx.company.findUnique({ where: { id: companyId }, select: { id: true } });
    if (!company) throw notFound('Company', companyId, 'companyId');
    const removed = await tx.companyTicker.deleteMany({ where: { companyId, ...listing } });
    if (removed.count === 0)
      throw new AppError('NOT_FOUND', 'The company has no such ticker', { details: { field: 'symbol' } });
    await writeAudit(tx, actor, {
      action: 'company.removeTicker',
      entityType: 'Company',
      entityId: companyId,
      before: listing,
    });
    return companyId;
  });
}
