import { auditRow } from '@wirelens/db/repositories';

import { findUserOrThrow, type UserActionOptions } from './find-user.js';

/**
 * Lets a deactivated user sign in again with their old password (reset it if they no longer know it). The
 * API tokens revoked at deactivation stay revoked.
 */
export async function reactivateUser({ db, actor, userId }: UserActionOptions): Promise<number> {
  return db.$transaction(async (tx) => {
    const user = await findUserOrThrow(tx, userId);
    if (user.active) return userId;
    await tx.user.update({ where: { id: userId }, data: { active: true } });
    return auditRow(tx, actor, 'user.reactivate', 'User', userId, {
      before: { active: false },
      after: { active: true },
    });
  });
}
