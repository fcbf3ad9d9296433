import type { RoleName } from '@wirelens/core';
import type { DbClient } from '@wirelens/db';
import { notFound, writeAudit, type Actor } from '@wirelens/db/repositories';

import { assertNotLastAdmin } from './last-admin.js';

/** Changes a user's role; the last active admin cannot be demoted. */
export async function setUserRole({
  db,
  actor,
  userId,
  role,
}: {
  db: DbClient;
  actor: Actor;
  userId: number;
  role: RoleName;
}): Promise<number> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound('User', userId, 'userId');
    if (user.role === role) return userId;
    if (user.role === 'ADMIN') await assertNotLastAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { role } });
    await writeAudit(tx, actor, {
      action: 'user.setRole',
      entityType: 'User',
      entityId: userId,
      before: { role: user.role },
      after: { role },
    });
    return userId;
  });
}
