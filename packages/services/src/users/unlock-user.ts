import { loginThrottleKey } from '@wirelens/core';
import { auditRow } from '@wirelens/db/repositories';

import { findUserOrThrow, type UserActionOptions } from './find-user.js';

/** Lifts a sign-in lock-out (and forgets the failed attempts counted so far); nothing to do when there is none. */
export async function unlockUser({ db, actor, userId }: UserActionOptions): Promise<number> {
  return db.$transaction(async (tx) => {
    const user = await findUserOrThrow(tx, userId);
    const where = { OR: [{ userId }, { key: loginThrottleKey(user.email) }] };
    const throttle = await tx.loginThrottle.findFirst({ where });
    if (!throttle) return userId;
    await tx.loginThrottle.deleteMany({ where });
    return auditRow(tx, actor, 'user.unlock', 'User', userId, {
      before: { failures: throttle.failures, lockedUntil: throttle.lockedUntil },
    });
  });
}
