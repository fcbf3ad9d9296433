import type { Command } from 'commander';

import { AppError, parseRole, PASSWORD_MIN_LENGTH } from '@wirelens/core';
import { createUser } from '@wirelens/services/users';

import { CLI_ACTOR, withServices } from '../services.js';

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage users');
  user
    .command('create')
    .description('create a user (prints a generated password when --password is not given)')
    .argument('<email>', 'e-mail address used to log in')
    .requiredOption('--role <role>', 'viewer | analyst | editor | admin')
    .option('--name <name>', 'display name')
    .option('--password <password>', `password (at least ${PASSWORD_MIN_LENGTH} characters)`)
    .action(async (email: string, options: { role: string; name?: string; password?: string }) => {
      const role = parseRole(options.role);
      if (!role)
        throw new AppError(
          'INVALID_INPUT',
          `unknown role "${options.role}": use viewer, analyst, editor or admin`,
        );
      const created = await withServices(
        async ({ db }) => {
          const result = await createUser({
            db,
            actor: CLI_ACTOR,
            email,
            name: options.name ?? null,
            role,
            password: options.password ?? null,
          });
          const stored = await db.user.findUniqueOrThrow({
            where: { id: result.userId },
            select: { email: true },
          });
          return { ...result, email: stored.email };
        },
        { queue: false },
      );
      process.stdout.write(`Created ${role.toLowerCase()} ${created.email}\n`);
      if (created.generatedPassword)
        process.stdout.write(`Generated password (shown once): ${created.generatedPassword}\n`);
    });
}
