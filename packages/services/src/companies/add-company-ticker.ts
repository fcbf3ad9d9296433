import type { DbClient } from '@wirelens/db';
import { notFound, uniqueOrConflict, writeAudit, type Actor } from '@wirelens/db/repositories';

/** A listing of the company; a symbol belongs to one company per exchange. */
export async function addCompanyTicker({
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
  return uniqueOrConflict(
    () =>
      db.$transaction(async (tx) => {
        const company = await tx.company.findUnique({ where: { id: companyId }, select: { id: true } });
        if (!company) throw notFound('Company', companyId, 'companyId');
        await tx.companyTicker.create({ data: { companyId, ...listing } });
        await writeAudit(tx, actor, {
          action: 'company.addTicker',
          entityType: 'Company',
          entityId: companyId,
          after: listing,
        });
        return companyId;
      }),
    'symbol',
    'This ticker is already listed on that exchange',
  );
}
