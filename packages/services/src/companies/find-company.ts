import type { DbClient } from '@wirelens/db';
import { notFound, type Actor, type Tx } from '@wirelens/db/repositories';

/** What an editor's change to one company takes: the database, who acts, and on which company. */
export interface CompanyActionOptions {
  db: DbClient;
  actor: Actor;
  companyId: number;
}

/** What adding or removing a listing takes; the exchange is empty when unknown. */
export interface CompanyTickerOptions extends CompanyActionOptions {
  symbol: string;
  exchange?: string;
}

/** A listing as it is stored: symbol and exchange trimmed and upper-case. */
export function normalizeListing({ symbol, exchange = '' }: { symbol: string; exchange?: string }) {
  return { symbol: symbol.trim().toUpperCase(), exchange: exchange.trim().toUpperCase() };
}

/** The company a use case acts on, or NOT_FOUND naming the `companyId` argument. */
export async function findCompanyOrThrow(tx: Tx, companyId: number) {
  const company = await tx.company.findUnique({ where: { id: companyId } });
  if (!company) throw notFound('Company', companyId, 'companyId');
  return company;
}
