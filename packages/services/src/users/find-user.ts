import { notFound, type Tx } from '@wirelens/db/repositories';

/** The user a use case acts on, or NOT_FOUND naming the `userId` argument. */
export async function findUserOrThrow(tx: Tx, userId: number) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw notFound('User', userId, 'userId');
  return user;
}
