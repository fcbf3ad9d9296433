import { hashSecretToken } from '@wirelens/core';
import type { DbClient } from '@wirelens/db';
import { writeAudit, type Actor } from '@wirelens/db/repositories';

/** Ends the session behind a cookie secret; false when there was none. */
export async function signOut({
  db,
  secret,
  actor,
}: {
  db: DbClient;
  secret: string;
  actor: Actor;
}): Promise<boolean> {
  const session = await db.session.findUnique({
    where: { tokenHash: hashSecretToken(secret) },
    select: { id: true },
  });
  if (!session) return false;
  await db.$transaction(async (tx) => {
    await tx.session.delete({ where: { id: session.id } });
    await writeAudit(tx, actor, { action: 'session.delete', entityType: 'Session', entityId: session.id });
  });
  return true;
}
