import type { Command } from 'commander';

import { AppError, parseRole, PASSWORD_MIN_LENGTH } from '@wirelens/core';
import type { DbClient } from '@wirelens/db';
import { createUser, reactivateUser, resetPassword, unlockUser } from '@wirelens/services/users';

import { CLI_ACTOR, withServices } from '../services.js';

/** The id of the user with this e-mail (as the API stores it: trimmed, lower-case). */
async function userIdByEmail(db: DbClient, email: string): Promise<number> {
  const found = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true },
  });
  if (!found) throw new AppError('NOT_FOUND', `no user has the e-mail ${email.trim().toLowerCase()}`);
  return found.id;
}

/** Runs an account use case on the user with this e-mail, as the CLI actor. */
function onUser<T>(email: string, run: (db: DbClient, userId: number) => Promise<T>): Promise<T> {
  return withServices(async ({ db }) => run(db, await userIdByEmail(db, email)), { queue: false });
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage users');
  user
    .command('create')
    .description('create a user (prints a generated password when --password is not given)')
    .argument('<email>', 'e-mail address used to log in')
    .requiredOption('--role <role>', 'viewer | analyst | editor | admin')
    .option('--name <name>', 'display name')
    .option(
      '--password <password>',
      `password (at least ${PASSWORD_MIN_LENGTH} characters, not a common one, not based on the e-mail)`,
    )
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
  user
    .command('reset-password')
    .description('give a user a generated password (printed once); they must change it after signing in')
    .argument('<email>', 'the user’s e-mail')
    .action(async (email: string) => {
      const { generatedPassword } = await onUser(email, (db, userId) =>
        resetPassword({ db, actor: CLI_ACTOR, userId }),
      );
      process.stdout.write(
        `New password for ${email.trim().toLowerCase()} (shown once): ${generatedPassword}\n`,
      );
    });
  simpleUserCommand(
    user,
    'reactivate',
    'let a deactivated user sign in again (their revoked API tokens stay revoked)',
    reactivateUser,
    'Reactivated',
  );
  simpleUserCommand(
    user,
    'unlock',
    'lift a sign-in lock-out after too many wrong passwords',
    unlockUser,
    'Unlocked',
  );
}

/** A `user` subcommand that applies one account action to the user with this e-mail and says it did (`done`). */
function simpleUserCommand(
  user: Command,
  name: string,
  description: string,
  act: typeof reactivateUser,
  done: string,
): void {
  user
    .command(name)
    .description(description)
    .argument('<email>', 'the user’s e-mail')
    .action(async (email: string) => {
      await onUser(email, (db, userId) => act({ db, actor: CLI_ACTOR, userId }));
      process.stdout.write(`${done} ${email.trim().toLowerCase()}\n`);
    });
}
