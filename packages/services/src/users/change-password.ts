import {
  hashPassword,
  hashSecretToken,
  invalidInput,
  loginThrottleKey,
  PASSWORD_MAX_LENGTH,
  verifyPassword,
} from '@wirelens/core';
import type { DbClient } from '@wirelens/db';
import { auditRow, clearLoginFailures, type Actor } from '@wirelens/db/repositories';

import { findUserOrThrow } from './find-user.js';
import { assertLoginNotLocked, recordLoginFailure } from './login-throttle.js';
import { assertPasswordAllowed } from './password-input.js';

/**
 * A user changes their own password, proving the current one (a wrong one counts like a failed sign-in).
 * Every other session of the user ends; the session `keepSessionSecret` names stays signed in. API tokens
 * keep working (revoke them on the tokens page).
 */
export async function changePassword({
  db,
  actor,
  userId,
  currentPassword,
  newPassword,
  keepSessionSecret,
}: {
  db: DbClient;
  actor: Actor;
  userId: number;
  currentPassword: string;
  newPassword: string;
  keepSessionSecret: string | null;
}): Promise<number> {
  const user = await findUserOrThrow(db, userId);
  await assertLoginNotLocked(db, user.email);
  if (
    currentPassword.length > PASSWORD_MAX_LENGTH ||
    !(await verifyPassword(currentPassword, user.passwordHash))
  ) {
    await recordLoginFailure(db, { email: user.email, userId, actor });
    throw invalidInput([{ field: 'currentPassword', message: 'is not your current password' }]);
  }
  if (newPassword === currentPassword)
    throw invalidInput([{ field: 'newPassword', message: 'must differ from the current password' }]);
  assertPasswordAllowed(newPassword, user.email, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: false } });
    const ended = await tx.session.deleteMany({
      where: {
        userId,
        ...(keepSessionSecret ? { tokenHash: { not: hashSecretToken(keepSessionSecret) } } : {}),
      },
    });
    await clearLoginFailures(tx, loginThrottleKey(user.email));
    return auditRow(tx, actor, 'user.changePassword', 'User', userId, {
      after: { otherSessionsEnded: ended.count },
    });
  });
}
