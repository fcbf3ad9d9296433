import { loginThrottleKey } from '@wirelens/core';

import type { DbClient } from '../client.js';

/** Locks the user out for ten minutes, as ten wrong passwords in a row would. */
export async function lockOutUser(db: DbClient, user: { id: number; email: string }): Promise<void> {
  await db.loginThrottle.create({
    data: {
      key: loginThrottleKey(user.email),
      userId: user.id,
      failures: 10,
      lockedUntil: new Date(Date.now() + 600_000),
    },
  });
}
