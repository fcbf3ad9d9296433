import type { DbClient } from '@wirelens/db';

/** Marks the user's notifications read (the given ones, or all); answers how many changed. */
export async function markNotificationsRead({
  db,
  userId,
  notificationIds,
  now = new Date(),
}: {
  db: DbClient;
  userId: number;
  /** null: every unread notification of the user. */
  notificationIds: number[] | null;
  now?: Date;
}): Promise<number> {
  const result = await db.notification.updateMany({
    where: { userId, readAt: null, ...(notificationIds && { id: { in: notificationIds } }) },
    data: { readAt: now },
  });
  return result.count;
}
