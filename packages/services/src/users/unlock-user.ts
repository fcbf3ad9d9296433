import { loginThrottleKey } from '@wirelens/core';
import type { DbClient } from '@wirelens/db';
import { writeAudit, type Actor } from '@wirelens/db/repositories';

import { findUserOrThrow } from './find-user.js';

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
    const user = await findUserOrThrow(tx, userId);
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
