import { loginThrottleKey } from '@wirelens/core';
import type { DbClient } from '@wirelens/db';
import { notFound, writeAudit, type Actor } from '@wirelens/db/repositories';

/** Lifts a sign-in lock-out (and forgets the failed attempts counted so far); nothing to do when there is none. */
export async function unlockUser({
  db,
  actor,
  userId,
}: {
  db: DbClient;
  actor: Actor;
  userId: number;
}): Promise<number> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound('User', userId, 'userId');
    const where = { OR: [{ userId }, { key: loginThrottleKey(user.email) }] };
    const throttle = await tx.loginThrottle.findFirst({ where });
    if (!throttle) return userId;
    await tx.loginThrottle.deleteMany({ where });
    await writeAudit(tx, actor, {
      action: 'user.unlock',
      entityType: 'User',
      entityId: userId,
      before: { failures: throttle.failures, lockedUntil: throttle.lockedUntil },
    });
    return userId;
  });
}
