import { z } from 'zod';

import { parseInput, PASSWORD_MAX_LENGTH, ROLES } from '@wirelens/core';
import { SESSION_TTL_MS } from '@wirelens/db/repositories';
import { createApiToken, revokeApiToken } from '@wirelens/services/tokens';
import {
  changePassword,
  createUser,
  deactivateUser,
  reactivateUser,
  resetPassword,
  setUserRole,
  signIn,
  signOut,
  unlockUser,
} from '@wirelens/services/users';

import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../builder.js';
import { requireViewer, type Context } from '../context.js';
import { sessionCookie } from '../http/cookies.js';
import { changedRow, describedEnum, rowNode, rowReference, type ViewerRun } from '../schema-helpers.js';
import { rowId } from '../validation.js';

export const RoleEnum = describedEnum('Role', 'What a user may do; each role includes the ones before it.', {
  VIEWER: 'Read everything except admin details.',
  ANALYST: 'Viewer + own API tokens.',
  EDITOR: 'Analyst + review analyses and manage companies.',
  ADMIN: 'Editor + sources and users.',
});

/** Fields only the user themself or an admin may read. */
const selfOrAdmin = {
  authScopes: (user: { id: number }, _args: unknown, ctx: Context) =>
    ctx.viewer?.id === user.id || ctx.viewer?.role === 'ADMIN',
} as const;

export const User = builder.prismaNode('User', {
  ...rowNode,
  description:
    'A person who signs in to Wirelens. Every signed-in user sees others by name only (correction authors on an article, audit actors); everything else only the user themself and admins.',
  // Readers need a correction's author on the article page; the name is all they get.
  authScopes: (_user, ctx) => ctx.viewer !== null,
  fields: (t) => ({
    name: t.exposeString('name', { nullable: true, description: 'Display name.' }),
    role: t.expose('role', { type: RoleEnum, description: 'Role (self or admin).', ...selfOrAdmin }),
    email: t.exposeString('email', { description: 'E-mail (self or admin).', ...selfOrAdmin }),
    active: t.exposeBoolean('active', {
      description: 'Whether the account may sign in (self or admin).',
      ...selfOrAdmin,
    }),
    createdAt: t.expose('createdAt', {
      type: 'DateTime',
      description: 'When the account was created (self or admin).',
      ...selfOrAdmin,
    }),
    lastLoginAt: t.expose('lastLoginAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Last sign-in (self or admin).',
      ...selfOrAdmin,
    }),
    apiTokens: t.relation('apiTokens', {
      description: 'Personal API tokens, newest first (self or admin).',
      query: { orderBy: { id: 'desc' } },
      ...selfOrAdmin,
    }),
    // Account security (issue 14: lock-out, password reset).
    mustChangePassword: t.exposeBoolean('mustChangePassword', {
      description:
        'An admin reset the password: until the user changes it, their sessions may only call `changePassword` (self or admin).',
      ...selfOrAdmin,
    }),
    lockedUntil: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'Until when sign-in is locked after too many wrong passwords; null when not locked (self or admin). Admins lift it with `unlockUser`.',
      ...selfOrAdmin,
      select: { loginThrottle: { select: { lockedUntil: true } } },
      resolve: (user) => {
        const until = user.loginThrottle?.lockedUntil;
        return until && until.getTime() > Date.now() ? until : null;
      },
    }),
  }),
});

export const ApiToken = builder.prismaNode('ApiToken', {
  ...rowNode,
  description:
    'A personal API token (visible to its owner and admins). Only its prefix is shown; the secret is returned once, when created.',
  authScopes: (token, ctx) => ctx.viewer?.id === token.userId || ctx.viewer?.role === 'ADMIN',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the token is for.' }),
    prefix: t.exposeString('prefix', { description: 'First characters of the secret, to recognise it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Last use (to the minute).',
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'Expiry, if any.' }),
    revokedAt: t.expose('revokedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was revoked.',
    }),
  }),
});

builder.queryFields((t) => ({
  me: t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The signed-in user (by session cookie or API token); null when anonymous.',
    resolve: (query, _r, _a, ctx) =>
      ctx.viewer ? ctx.db.user.findUnique({ ...query, where: { id: ctx.viewer.id } }) : null,
  }),
  users: t.prismaConnection({
    type: 'User',
    cursor: 'id',
    maxSize: MAX_PAGE_SIZE,
    defaultSize: DEFAULT_PAGE_SIZE,
    description: 'All users, by e-mail (admin).',
    authScopes: { admin: true },
    totalCount: (_p, _a, ctx) => ctx.db.user.count(),
    resolve: (query, _p, _a, ctx) =>
      ctx.db.user.findMany({ ...query, orderBy: [{ email: 'asc' }, { id: 'asc' }] }),
  }),
}));

const LoginResult = builder.objectRef<{ userId: number; expiresAt: Date }>('LoginResult').implement({
  description: 'A new dashboard session (the cookie is set on the response).',
  fields: (t) => ({
    user: rowReference(t, 'User', 'Who signed in.', (r) => r.userId),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      description: 'Session expiry (extended while in use).',
    }),
  }),
});

const CreatedApiToken = builder.objectRef<{ id: number; secret: string }>('CreatedApiToken').implement({
  description: 'A new API token. `secret` is shown this once; only its hash is stored.',
  fields: (t) => ({
    token: rowReference(t, 'ApiToken', 'The token record.', (r) => r.id),
    secret: t.exposeString('secret', {
      description: 'Send as `Authorization: Bearer <secret>`. Store it now; it cannot be shown again.',
    }),
  }),
});

const email = z.string().trim().max(254, 'must be at most 254 characters').email('must be an e-mail address');

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginResult,
    description:
      'Sign in to the dashboard: sets an httpOnly, SameSite=Lax session cookie (30 days, sliding). Scripts should use API tokens instead.',
    args: {
      email: t.arg.string({ required: true, description: 'E-mail.' }),
      password: t.arg.string({ required: true, description: 'Password.' }),
    },
    resolve: async (_r, args, ctx) => {
      const input = parseInput(
        z.object({
          email,
          password: z.string().min(1, 'is required').max(200, 'must be at most 200 characters'),
        }),
        args,
        '',
      );
      await ctx.limitLogin();
      const session = await signIn({
        db: ctx.db,
        ...input,
        userAgent: ctx.userAgent,
        ip: ctx.ip,
        requestId: ctx.requestId,
      });
      ctx.setCookies.push(sessionCookie(session.secret, SESSION_TTL_MS / 1000, ctx.secureCookies));
      // The rest of this response is read as the user who just signed in.
      ctx.viewer = session.user;
      ctx.authMethod = 'session';
      return { userId: session.user.id, expiresAt: session.expiresAt };
    },
  }),
  logout: t.boolean({
    description: 'End the dashboard session and clear its cookie. True when a session ended.',
    resolve: async (_r, _a, ctx) => {
      ctx.setCookies.push(sessionCookie('', 0, ctx.secureCookies));
      if (!ctx.sessionSecret) return false;
      return signOut({
        db: ctx.db,
        secret: ctx.sessionSecret,
        actor: { userId: ctx.viewer?.id ?? null, requestId: ctx.requestId, ip: ctx.ip },
      });
    },
  }),
  createApiToken: t.field({
    type: CreatedApiToken,
    description: 'Create a personal API token (analyst and up).',
    authScopes: { analyst: true },
    args: {
      name: t.arg.string({ required: true, description: 'What it is for (1–100 characters).' }),
      expiresAt: t.arg({ type: 'DateTime', required: false, description: 'Optional expiry.' }),
    },
    resolve: (_r, args, ctx) => {
      const input = parseInput(
        z.object({
          name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
          expiresAt: z.date().min(new Date(), 'must be in the future').nullish(),
        }),
        args,
        '',
      );
      return createApiToken({
        db: ctx.db,
        actor: requireViewer(ctx),
        name: input.name,
        expiresAt: input.expiresAt ?? null,
      });
    },
  }),
  revokeApiToken: t.prismaField({
    type: 'ApiToken',
    description: 'Revoke one of your API tokens (admins: anyone’s). It stops working at once.',
    authScopes: { analyst: true },
    args: { id: t.arg.globalID({ for: ApiToken, required: true, description: 'API token global ID.' }) },
    resolve: async (query, _r, args, ctx) => {
      const tokenId = rowId(args.id);
      await revokeApiToken({
        db: ctx.db,
        actor: requireViewer(ctx),
        tokenId,
        isAdmin: ctx.viewer?.role === 'ADMIN',
      });
      return ctx.db.apiToken.findUniqueOrThrow({ ...query, where: { id: tokenId } });
    },
  }),
  createUser: t.field({
    type: builder.objectRef<{ userId: number; generatedPassword: string | null }>('CreatedUser').implement({
      description: 'A new user; `generatedPassword` is shown once when no password was given.',
      fields: (f) => ({
        user: rowReference(f, 'User', 'The user.', (r) => r.userId),
        generatedPassword: f.exposeString('generatedPassword', {
          nullable: true,
          description: 'The generated password, if one was generated.',
        }),
      }),
    }),
    description: 'Create a user (admin).',
    authScopes: { admin: true },
    args: {
      email: t.arg.string({ required: true, description: 'E-mail (unique).' }),
      name: t.arg.string({ required: false, description: 'Display name.' }),
      role: t.arg({ type: RoleEnum, required: true, description: 'Role.' }),
      password: t.arg.string({ required: false, description: 'Password; generated when absent.' }),
    },
    resolve: (_r, args, ctx) => {
      const { role } = parseInput(z.object({ role: z.enum(ROLES) }), args);
      return createUser({
        db: ctx.db,
        actor: requireViewer(ctx),
        email: args.email,
        name: args.name ?? null,
        role,
        password: args.password,
      });
    },
  }),
  setUserRole: t.prismaField({
    type: 'User',
    description: "Change a user's role (admin). The last active admin cannot be demoted.",
    authScopes: { admin: true },
    args: {
      userId: t.arg.globalID({ for: User, required: true, description: 'User global ID.' }),
      role: t.arg({ type: RoleEnum, required: true, description: 'New role.' }),
    },
    resolve: (query, _r, args, ctx) =>
      changedRow(ctx, 'User', query, (run) =>
        setUserRole({ ...run, userId: rowId(args.userId), role: args.role }),
      ),
  }),
}));

// Account security (issue 14): own password, admin reset, deactivation, reactivation and unlocking.
const ResetPasswordResult = builder
  .objectRef<{ userId: number; generatedPassword: string }>('ResetPasswordResult')
  .implement({
    description: 'A password reset: `generatedPassword` is shown this once; only its hash is stored.',
    fields: (f) => ({
      user: rowReference(f, 'User', 'The user.', (r) => r.userId),
      generatedPassword: f.exposeString('generatedPassword', {
        description: 'The new password. Give it to the user now; they must change it after signing in.',
      }),
    }),
  });

/** An admin mutation on one user, by global ID, that returns the user. */
function userMutation(
  name: string,
  description: string,
  run: (options: ViewerRun & { userId: number }) => Promise<number>,
) {
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: 'User',
      description,
      authScopes: { admin: true },
      args: { userId: t.arg.globalID({ for: User, required: true, description: 'User global ID.' }) },
      resolve: (query, _r, args, ctx) =>
        changedRow(ctx, 'User', query, (viewer) => run({ ...viewer, userId: rowId(args.userId) })),
    }),
  );
}

userMutation(
  'deactivateUser',
  'Deactivate a user (admin): sessions end and API tokens are revoked.',
  deactivateUser,
);
userMutation(
  'reactivateUser',
  'Reactivate a deactivated user (admin): they sign in with their old password (reset it if needed); revoked API tokens stay revoked.',
  reactivateUser,
);
userMutation(
  'unlockUser',
  'Lift a sign-in lock-out after too many wrong passwords (admin), and forget the failures counted so far.',
  unlockUser,
);

const passwordArg = z.string().max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

builder.mutationFields((t) => ({
  changePassword: t.prismaField({
    type: 'User',
    description:
      'Change your own password (any role), proving the current one. Your other sessions end; this one and your API tokens keep working. Wrong current passwords count towards the sign-in lock-out.',
    authScopes: { viewer: true },
    args: {
      currentPassword: t.arg.string({ required: true, description: 'Your current password.' }),
      newPassword: t.arg.string({
        required: true,
        description:
          'At least 10 characters; not a common password, not your e-mail address or built from it.',
      }),
    },
    resolve: async (query, _r, args, ctx) => {
      const input = parseInput(
        z.object({ currentPassword: passwordArg, newPassword: passwordArg }),
        args,
        '',
      );
      const userId = await changePassword({
        db: ctx.db,
        actor: requireViewer(ctx),
        userId: requireViewer(ctx).userId,
        ...input,
        keepSessionSecret: ctx.authMethod === 'session' ? ctx.sessionSecret : null,
      });
      return ctx.db.user.findUniqueOrThrow({ ...query, where: { id: userId } });
    },
  }),
  resetPassword: t.field({
    type: ResetPasswordResult,
    description:
      "Reset a user's password to a generated one, shown once (admin). Their sessions end, a lock-out is lifted, and they must choose a new password after signing in.",
    authScopes: { admin: true },
    args: { userId: t.arg.globalID({ for: User, required: true, description: 'User global ID.' }) },
    resolve: (_r, args, ctx) =>
      resetPassword({ db: ctx.db, actor: requireViewer(ctx), userId: rowId(args.userId) }),
  }),
}));
