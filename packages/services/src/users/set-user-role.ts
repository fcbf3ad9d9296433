import { roleAtLeast, type RoleName } from '@wirelens/core';
import { auditRow } from '@wirelens/db/repositories';

import { findUserOrThrow, type UserActionOptions } from './find-user.js';
import { assertNotLastAdmin } from './last-admin.js';

/**
 * Changes a user's role; the last active admin cannot be demoted. Sessions and API tokens act with the
 * user's current role from the next request on; a demotion to viewer (who may not hold API tokens) revokes
 * the user's tokens.
 */
export async function setUserRole({
  db,
  actor,
  userId,
  role,
}: UserActionOptions & { role: RoleName }): Promise<number> {
  return db.$transaction(async (tx) => {
    const user = await findUserOrThrow(tx, userId);
    if (user.role === role) return userId;
    if (user.role === 'ADMIN') await assertNotLastAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { role } });
    const revoked = roleAtLeast(role, 'ANALYST')
      ? { count: 0 }
      : await tx.apiToken.updateMany({
          where: { userId, revokedAt: null },
          data: { revokedAt: new Date() },
        });
    return auditRow(tx, actor, 'user.setRole', 'User', userId, {
      before: { role: user.role },
      after: { role, ...(revoked.count > 0 ? { apiTokensRevoked: revoked.count } : {}) },
    });
  });
}
