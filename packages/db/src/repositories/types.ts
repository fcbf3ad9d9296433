import type { DbClient } from '../client.js';
import type { Prisma } from '../generated/prisma/client.js';

/** A client or an open transaction: repository helpers run inside either. */
export type Tx = Prisma.TransactionClient | DbClient;

/** Who is acting and from where, for the audit log. */
export interface Actor {
  /** null for the system (worker, seed). */
  userId: number | null;
  requestId?: string | null;
  ip?: string | null;
}
