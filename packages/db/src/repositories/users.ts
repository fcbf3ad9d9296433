import { AppError, generatePassword, hashPassword, type RoleName } from '@wirelens/core';

import type { DbClient } from '../client.js';
import { writeAudit } from './audit.js';
import { notFound, uniqueOrConflict } from './errors.js';
import type { Actor, Tx } from './types.js';

/** Creates a user; without a password one is generated and returned once. */
export async function createUser({
  db,
  actor,
  email,
  name,
  role,
  password,
}: {
  db: DbClient;
  actor: Actor;
  email: string;
  name: string | null;
  role: RoleName;
  password?: string | null;
}): Promise<{ userId: number; generatedPassword: string | null }> {
  const generatedPassword = password ? null : generatePassword();
  const passwordHash = await hashPassword(password ?? generatedPassword ?? '');
  return uniqueOrConflict(
    () =>
      db.$transaction(async (tx) => {
        const user = await tx.user.create({
          data: { email: email.trim().toLowerCase(), name, role, passwordHash },
        });
        await writeAudit(tx, actor, {
          action: 'user.create',
          entityType: 'User',
          entityId: user.id,
          after: { email: user.email, name, role },
        });
        return { userId: user.id, generatedPassword };
      }),
    'email',
    'A user with this e-mail already exists',
  );
}

async function assertNotLastAdmin(tx: Tx, userId: number): Promise<void> {
  const others = await tx.user.count({ where: { role: 'ADMIN', active: true, id: { not: userId } } });
  if (others === 0)
    throw new AppError('CONFLICT', 'The last active admin cannot be demoted or deactivated', {
      details: { field: 'userId' },
    });
}

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

/** Deactivates a user: sessions end and API tokens stop working at once. */
export async function deactivateUser({
  db,
  actor,
  userId,
}: {
  db: DbClient;
  actor: Actor;
  userId: number;
}): Promise<number> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound('User', userId, 'userId');
    if (!user.active) return userId;
    if (user.role === 'ADMIN') await assertNotLastAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { active: false } });
    await tx.session.deleteMany({ where: { userId } });
    await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await writeAudit(tx, actor, {
      action: 'user.deactivate',
      entityType: 'User',
      entityId: userId,
      before: { active: true },
      after: { active: false },
    });
    return userId;
  });
}
