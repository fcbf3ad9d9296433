import { z } from 'zod';

import {
  generatePassword,
  hashPassword,
  parseInput,
  PASSWORD_MIN_LENGTH,
  type RoleName,
} from '@wirelens/core';
import type { DbClient } from '@wirelens/db';
import { uniqueOrConflict, writeAudit, type Actor } from '@wirelens/db/repositories';

const userInputSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'must be at most 254 characters')
    .email('must be an e-mail address'),
  name: z.string().trim().max(200, 'must be at most 200 characters').nullish(),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(200, 'must be at most 200 characters')
    .nullish(),
});

/** Creates a user (e-mail stored lower-case); without a password one is generated and returned once. */
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
  const generatedPassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? generatedPassword ?? '');
  return uniqueOrConflict(
    () =>
      db.$transaction(async (tx) => {
        const user = await tx.user.create({
          data: { email: input.email, name: input.name ?? null, role, passwordHash },
        });
        await writeAudit(tx, actor, {
          action: 'user.create',
          entityType: 'User',
          entityId: user.id,
          after: { email: user.email, name: user.name, role },
        });
        return { userId: user.id, generatedPassword };
      }),
    'email',
    'A user with this e-mail already exists',
  );
}
