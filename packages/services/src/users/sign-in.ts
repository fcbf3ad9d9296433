import { AppError, createSecretToken, loginThrottleKey, verifyPassword } from '@wirelens/core';
import type { DbClient } from '@wirelens/db';
import {
  clearLoginFailures,
  SESSION_TTL_MS,
  writeAudit,
  type AuthenticatedUser,
} from '@wirelens/db/repositories';

import { assertLoginNotLocked, recordLoginFailure } from './login-throttle.js';

/**
 * Verifies e-mail and password and opens a session; the secret goes into the cookie, its hash into the row.
 * Wrong passwords are counted per e-mail (known or not): too many lock it out for a while (RATE_LIMITED),
 * even for the right password.
 */
export async function signIn({
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
  const address = email.trim().toLowerCase();
  await assertLoginNotLocked(db, address);
  const user = await db.user.findUnique({ where: { email: address } });
  // Verify against a dummy hash when the user is unknown, so timing does not reveal which e-mails exist.
  const ok = await verifyPassword(
    password,
    user?.passwordHash ??
      'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  );
  if (!user || !ok || !user.active) {
    await recordLoginFailure(db, {
      email: address,
      userId: user?.id ?? null,
      actor: { userId: null, requestId, ip },
    });
    throw new AppError('UNAUTHENTICATED', 'Wrong e-mail or password');
  }
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
    await clearLoginFailures(tx, loginThrottleKey(address));
    await writeAudit(
      tx,
      { userId: user.id, requestId, ip },
      { action: 'session.create', entityType: 'Session', entityId: session.id },
    );
  });
  return {
    secret: token.secret,
    expiresAt,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      mustChangePassword: user.mustChangePassword,
    },
  };
}
