import { z } from 'zod';

import { AppError, generatePassword, hashPassword, parseInput, type RoleName } from '@wirelens/core';
import type { DbClient } from '@wirelens/db';
import { auditRow, uniqueOrConflict, type Actor } from '@wirelens/db/repositories';

import { assertPasswordAllowed } from './password-input.js';

const userInputSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'must be at most 254 characters')
    .email('must be an e-mail address'),
  name: z.string().trim().max(200, 'must be at most 200 characters').nullish(),
  password: z.string().nullish(),
});

/**
 * Creates a user (e-mail stored lower-case); without a password one is generated and returned once. The
 * e-mail of a deactivated user is not reused: that person's account is reactivated instead, keeping its
 * history.
 */
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
  const input = parseInput(userInputSchema, { email, name, password });
  if (input.password) assertPasswordAllowed(input.password, input.email, 'password');
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { active: true } });
  if (existing)
    throw new AppError(
      'CONFLICT',
      existing.active
        ? 'A user with this e-mail already exists'
        : 'A deactivated user has this e-mail; reactivate them instead',
      { details: { field: 'email' } },
    );
  const generatedPassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? generatedPassword ?? '');
  return uniqueOrConflict(
    () =>
      db.$transaction(async (tx) => {
        const user = await tx.user.create({
          data: { email: input.email, name: input.name ?? null, role, passwordHash },
        });
        await auditRow(tx, actor, 'user.create', 'User', user.id, {
          after: { email: user.email, name: user.name, role },
        });
        return { userId: user.id, generatedPassword };
      }),
    'email',
    'A user with this e-mail already exists',
  );
}
