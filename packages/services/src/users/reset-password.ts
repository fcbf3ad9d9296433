import { generatePassword, hashPassword, loginThrottleKey } from '@wirelens/core';
import { auditRow, clearLoginFailures } from '@wirelens/db/repositories';

import { findUserOrThrow, type UserActionOptions } from './find-user.js';

/**
 * An admin resets a user's password to a generated one, returned once (nothing leaves the machine: no
 * e-mail is sent). The user's sessions end, a lock-out is lifted, and they must choose a new password after
 * signing in with it. API tokens keep working.
 */
export async function resetPassword({
  db,
  actor,
  userId,
}: UserActionOptions): Promise<{ userId: number; generatedPassword: string }> {
  const generatedPassword = generatePassword();
  const passwordHash = await hashPassword(generatedPassword);
  return db.$transaction(async (tx) => {
    const user = await findUserOrThrow(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: true } });
    const ended = await tx.session.deleteMany({ where: { userId } });
    await clearLoginFailures(tx, loginThrottleKey(user.email));
    await auditRow(tx, actor, 'user.resetPassword', 'User', userId, {
      after: { mustChangePassword: true, sessionsEnded: ended.count },
    });
    return { userId, generatedPassword };
  });
}
