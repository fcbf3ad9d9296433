import { AppError, LOGIN_THROTTLE, loginThrottleKey } from '@wirelens/core';
import type { DbClient } from '@wirelens/db';
import { auditRow, countLoginFailure, loginLockRemaining, type Actor } from '@wirelens/db/repositories';

/** Refuses with RATE_LIMITED while the e-mail is locked out, whether or not an account has it. */
export async function assertLoginNotLocked(db: DbClient, email: string): Promise<void> {
  const retryAfter = await loginLockRemaining(db, loginThrottleKey(email));
  if (retryAfter === 0) return;
  const wait = retryAfter >= 120 ? `${Math.ceil(retryAfter / 60)} minutes` : `${retryAfter} s`;
  throw new AppError(
    'RATE_LIMITED',
    `Too many failed sign-ins for this e-mail; try again in ${wait} or ask an admin to unlock the account`,
    { details: { retryAfter } },
  );
}

/** Counts a wrong password for the e-mail; the failure that locks a known account is audited. */
export async function recordLoginFailure(
  db: DbClient,
  { email, userId, actor }: { email: string; userId: number | null; actor: Actor },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const locked = await countLoginFailure(tx, {
      key: loginThrottleKey(email),
      userId,
      rule: LOGIN_THROTTLE,
    });
    if (locked && userId !== null)
      await auditRow(tx, actor, 'user.lock', 'User', userId, {
        after: { failures: LOGIN_THROTTLE.maxFailures, lockedForSeconds: LOGIN_THROTTLE.lockSeconds },
      });
  });
}
