import { auditRow } from '@wirelens/db/repositories';

import { findUserOrThrow, type UserActionOptions } from './find-user.js';
import { assertNotLastAdmin } from './last-admin.js';

/** Deactivates a user: sessions end and API tokens stop working at once. */
export async function deactivateUser({ db, actor, userId }: UserActionOptions): Promise<number> {
  return db.$transaction(async (tx) => {
    const user = await findUserOrThrow(tx, userId);
    if (!user.active) return userId;
    if (user.role === 'ADMIN') await assertNotLastAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { active: false } });
    await tx.session.deleteMany({ where: { userId } });
    await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    return auditRow(tx, actor, 'user.deactivate', 'User', userId, {
      before: { active: true },
      after: { active: false },
    });
  });
}
