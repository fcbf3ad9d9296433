import type { Command } from 'commander';
import { z } from 'zod';

import { AppError, generatePassword, hashPassword, parseRole, PASSWORD_MIN_LENGTH } from '@wirelens/core';

import { loadEnv } from '../../env.js';
import { openDatabase } from '../database.js';

const emailSchema = z.email();

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage users');
  user
    .command('create')
    .description('create a user (prints a generated password when --password is not given)')
    .argument('<email>', 'e-mail address used to log in')
    .requiredOption('--role <role>', 'viewer | analyst | editor | admin')
    .option('--name <name>', 'display name')
    .option('--password <password>', `password (at least ${PASSWORD_MIN_LENGTH} characters)`)
    .action(async (emailArg: string, options: { role: string; name?: string; password?: string }) => {
      const role = parseRole(options.role);
      if (!role)
        throw new AppError(
          'INVALID_INPUT',
          `unknown role "${options.role}": use viewer, analyst, editor or admin`,
        );
      const email = emailSchema.safeParse(emailArg.trim().toLowerCase());
      if (!email.success) throw new AppError('INVALID_INPUT', `"${emailArg}" is not an e-mail address`);
      if (options.password !== undefined && options.password.length < PASSWORD_MIN_LENGTH) {
        throw new AppError(
          'INVALID_INPUT',
          `the password must be at least ${PASSWORD_MIN_LENGTH} characters`,
        );
      }
      const password = options.password ?? generatePassword();
      const { db, close } = await openDatabase(loadEnv());
      try {
        const existing = await db.user.findUnique({ where: { email: email.data } });
        if (existing) throw new AppError('CONFLICT', `a user with the e-mail ${email.data} already exists`);
        const created = await db.user.create({
          data: {
            email: email.data,
            name: options.name ?? null,
            role,
            passwordHash: await hashPassword(password),
          },
        });
        await db.auditEntry.create({
          data: {
            action: 'user.create',
            entityType: 'User',
            entityId: String(created.id),
            after: { email: created.email, role: created.role, via: 'cli' },
          },
        });
        process.stdout.write(`Created ${role.toLowerCase()} ${created.email}\n`);
        if (options.password === undefined)
          process.stdout.write(`Generated password (shown once): ${password}\n`);
      } finally {
        await close();
      }
    });
}
