import { AppError } from '@wirelens/core';
import type { Tx } from '@wirelens/db/repositories';

/** Refuses to demote or deactivate the last active admin: nobody could manage users after it. */
export async function assertNotLastAdmin(tx: Tx, userId: number): Promise<void> {
  const others = await tx.user.count({ where: { role: 'ADMIN', active: true, id: { not: userId } } });
  if (others === 0)
    throw new AppError('CONFLICT', 'The last active admin cannot be demoted or deactivated', {
      details: { field: 'userId' },
    });
}
