import { createSecretToken } from '@wirelens/core';
import type { DbClient } from '@wirelens/db';
import { auditRow, type Actor } from '@wirelens/db/repositories';

/** A personal API token for the acting user; the secret is returned this once, only its hash is stored. */
export async function createApiToken({
  db,
  actor,
  name,
  expiresAt = null,
}: {
  db: DbClient;
  actor: Actor & { userId: number };
  name: string;
  expiresAt?: Date | null;
}): Promise<{ id: number; secret: string }> {
  const token = createSecretToken('wl_pat');
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: actor.userId, name, prefix: token.displayPrefix, tokenHash: token.hash, expiresAt },
    });
    await auditRow(tx, actor, 'apiToken.create', 'ApiToken', row.id, {
      after: { name, prefix: row.prefix, expiresAt },
    });
    return { id: row.id, secret: token.secret };
  });
}
