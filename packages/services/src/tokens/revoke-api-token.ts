import type { DbClient } from '@wirelens/db';
import { auditRow, notFound, type Actor } from '@wirelens/db/repositories';

/** Revokes a token; only its owner (or an admin) may. */
export async function revokeApiToken({
  db,
  actor,
  tokenId,
  isAdmin,
}: {
  db: DbClient;
  actor: Actor & { userId: number };
  tokenId: number;
  isAdmin: boolean;
}): Promise<number> {
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId } });
    if (!token || (token.userId !== actor.userId && !isAdmin)) throw notFound('API token', tokenId);
    if (!token.revokedAt) {
      const revokedAt = new Date();
      await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt } });
      await auditRow(tx, actor, 'apiToken.revoke', 'ApiToken', tokenId, {
        before: { revokedAt: null },
        after: { revokedAt },
      });
    }
    return tokenId;
  });
}
