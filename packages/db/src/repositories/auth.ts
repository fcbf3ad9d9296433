import { AppError, createSecretToken, hashSecretToken, verifyPassword, type RoleName } from '@wirelens/core';

import { readRows, type DbClient } from '../client.js';
import { Prisma } from '../generated/prisma/client.js';
import { writeAudit } from './audit.js';
import { notFound } from './errors.js';
import type { Actor } from './types.js';

export interface AuthenticatedUser {
  id: number;
  email: string;
  name: string | null;
  role: RoleName;
}

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** Sliding expiry is written at most this often, so reads do not write on every request. */
const TOUCH_INTERVAL_MS = 3600 * 1000;

/** Verifies e-mail and password and opens a session; the secret goes into the cookie, its hash into the row. */
export async function login({
  db,
  email,
  password,
  userAgent,
  ip,
  requestId,
}: {
  db: DbClient;
  email: string;
  password: string;
  userAgent?: string | null;
  ip?: string | null;
  requestId?: string | null;
}): Promise<{ secret: string; expiresAt: Date; user: AuthenticatedUser }> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  // Verify against a dummy hash when the user is unknown, so timing does not reveal which e-mails exist.
  const ok = await verifyPassword(
    password,
    user?.passwordHash ??
      'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  );
  if (!user || !ok || !user.active) throw new AppError('UNAUTHENTICATED', 'Wrong e-mail or password');
  const token = createSecretToken('wl_sess');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.$transaction(async (tx) => {
    const session = await tx.session.create({
      data: {
        tokenHash: token.hash,
        userId: user.id,
        expiresAt,
        userAgent: userAgent?.slice(0, 300) ?? null,
        ip: ip ?? null,
      },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await writeAudit(
      tx,
      { userId: user.id, requestId, ip },
      { action: 'session.create', entityType: 'Session', entityId: session.id },
    );
  });
  return {
    secret: token.secret,
    expiresAt,
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
  };
}

export async function logout({
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

/** The user behind a session cookie, extending the session (sliding expiry); null when unknown or expired. */
export async function userForSession(db: DbClient, secret: string): Promise<AuthenticatedUser | null> {
  const session = await db.session.findUnique({
    where: { tokenHash: hashSecretToken(secret) },
    select: {
      id: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, name: true, role: true, active: true } },
    },
  });
  const now = Date.now();
  if (!session || session.expiresAt.getTime() <= now || !session.user.active) return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({
      where: { id: session.id },
      data: { lastSeenAt: new Date(now), expiresAt: new Date(now + SESSION_TTL_MS) },
    });
  }
  const { active: _active, ...user } = session.user;
  return user;
}

/** The user behind a personal API token; null when unknown, revoked or expired. */
export async function userForApiToken(db: DbClient, secret: string): Promise<AuthenticatedUser | null> {
  // One statement: this runs on every API request.
  const [token] = await readRows<{
    tokenId: number;
    lastUsedAt: Date | null;
    id: number;
    email: string;
    name: string | null;
    role: RoleName;
  }>(
    db,
    Prisma.sql`SELECT t."id" AS "tokenId", t."lastUsedAt", u."id", u."email", u."name", u."role"::text AS "role"
    FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
    WHERE t."tokenHash" = ${hashSecretToken(secret)} AND t."revokedAt" IS NULL
      AND (t."expiresAt" IS NULL OR t."expiresAt" > now() AT TIME ZONE 'UTC') AND u."active"`,
  );
  if (!token) return null;
  const now = Date.now();
  if (!token.lastUsedAt || now - token.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: token.tokenId }, data: { lastUsedAt: new Date(now) } });
  }
  return { id: token.id, email: token.email, name: token.name, role: token.role };
}

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
    await writeAudit(tx, actor, {
      action: 'apiToken.create',
      entityType: 'ApiToken',
      entityId: row.id,
      after: { name, prefix: row.prefix, expiresAt },
    });
    return { id: row.id, secret: token.secret };
  });
}

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
      await writeAudit(tx, actor, {
        action: 'apiToken.revoke',
        entityType: 'ApiToken',
        entityId: tokenId,
        before: { revokedAt: null },
        after: { revokedAt },
      });
    }
    return tokenId;
  });
}
