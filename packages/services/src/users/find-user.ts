import type { DbClient } from '@wirelens/db';
import { notFound, type Actor, type Tx } from '@wirelens/db/repositories';

/** What an admin action on one user takes: the database, who acts, and on whom. */
export interface UserActionOptions {
  db: DbClient;
  actor: Actor;
  userId: number;
}

/** The user a use case acts on, or NOT_FOUND naming the `userId` argument. */
export async function findUserOrThrow(tx: Tx, userId: number) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw notFound('User', userId, 'userId');
  return user;
}
