import { hashSecretToken, type RoleName } from '@wirelens/core';

import { readRows, type DbClient } from '../client.js';
import { Prisma } from '../generated/prisma/client.js';

export interface AuthenticatedUser {
  id: number;
  email: string;
  name: string | null;
  role: RoleName;
  /** An admin reset the password: a session may do nothing but change it (API tokens are not held back). */
  mustChangePassword: boolean;
}

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** Sliding expiry is written at most this often, so reads do not write on every request. */
const TOUCH_INTERVAL_MS = 3600 * 1000;

/** Who a credential stands for, and until when it is valid (null: no expiry). */
export interface CredentialGrant {
  user: AuthenticatedUser;
  expiresAt: Date | null;
}

/** The user behind a session cookie, extending the session (sliding expiry); null when unknown or expired. */
export async function userForSession(db: DbClient, secret: string): Promise<CredentialGrant | null> {
  const session = await db.session.findUnique({
    where: { tokenHash: hashSecretToken(secret) },
    select: {
      id: true,
      expiresAt: true,
      lastSeenAt: true,
      user: {
        select: { id: true, email: true, name: true, role: true, mustChangePassword: true, active: true },
      },
    },
  });
  const now = Date.now();
  if (!session || session.expiresAt.getTime() <= now || !session.user.active) return null;
  let expiresAt = session.expiresAt;
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    expiresAt = new Date(now + SESSION_TTL_MS);
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now), expiresAt } });
  }
  const { active: _active, ...user } = session.user;
  return { user, expiresAt };
}

/**
 * The user behind a personal API token, with the user's current role (read on every request); null when
 * unknown, revoked or expired, or when the user is deactivated.
 */
export async function userForApiToken(db: DbClient, secret: string): Promise<CredentialGrant | null> {
  // One statement: this runs on every API request the API's credential cache cannot answer.
  const [token] = await readRows<{
    tokenId: number;
    lastUsedAt: Date | null;
    expiresAt: Date | null;
    id: number;
    email: string;
    name: string | null;
    role: RoleName;
    mustChangePassword: boolean;
  }>(
    db,
    Prisma.sql`SELECT t."id" AS "tokenId", t."lastUsedAt", t."expiresAt", u."id", u."email", u."name", u."role"::text AS "role",
      u."mustChangePassword"
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
    WHERE t."tokenHash" = ${hashSecretToken(secret)} AND t."revokedAt" IS NULL
      AND (t."expiresAt" IS NULL OR t."expiresAt" > now() AT TIME ZONE 'UTC') AND u."active"`,
  );
  if (!token) return null;
  const now = Date.now();
  if (!token.lastUsedAt || now - token.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: token.tokenId }, data: { lastUsedAt: new Date(now) } });
  }
  return {
    user: {
      id: token.id,
      email: token.email,
      name: token.name,
      role: token.role,
      mustChangePassword: token.mustChangePassword,
    },
    expiresAt: token.expiresAt,
  };
}
