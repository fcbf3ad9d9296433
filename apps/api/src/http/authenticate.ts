import type { IncomingMessage } from 'node:http';

import { hashSecretToken } from '@wirelens/core';
import { listenForAuthChanges, type DbClient } from '@wirelens/db';
import {
  userForApiToken,
  userForSession,
  type AuthenticatedUser,
  type CredentialGrant,
} from '@wirelens/db/repositories';

import type { Context } from '../context.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';

/** What the request presents: an API token wins over the dashboard's session cookie. */
export type Credentials =
  | { kind: 'token'; token: string }
  | { kind: 'malformed-authorization' }
  | { kind: 'session'; secret: string }
  | { kind: 'anonymous' };

export type Authentication = Pick<Context, 'viewer' | 'authMethod' | 'sessionSecret'>;

export function readCredentials(req: IncomingMessage): Credentials {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    const token = authorization.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : '';
    return token ? { kind: 'token', token } : { kind: 'malformed-authorization' };
  }
  const secret = readCookie(req.headers.cookie, SESSION_COOKIE);
  return secret ? { kind: 'session', secret } : { kind: 'anonymous' };
}

/** Answers "who is this?" for each request; see `createAuthenticator`. */
export interface Authenticator {
  authenticate(credentials: Credentials): Promise<Authentication | null>;
  /** Resolves once the cache is live (immediately when there is none). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export interface AuthenticatorOptions {
  db: DbClient;
  /**
   * Cache who a token or session stands for, for up to `ttlMs`, invalidated through PostgreSQL
   * LISTEN/NOTIFY (a dedicated connection to `connectionString`). Absent: every request asks the database.
   */
  cache?: { connectionString: string; ttlMs?: number } | null;
}

/** How long a cached credential is trusted without asking the database (also bounds the touch of lastUsedAt). */
export const AUTH_CACHE_TTL_MS = 30_000;

interface CachedGrant {
  user: AuthenticatedUser;
  /** When the cache must ask the database again: the TTL or the credential's own expiry, whichever is first. */
  until: number;
}

/**
 * Authentication with an in-process cache. Revoking a token, signing out, deactivating, demoting or
 * resetting a user fires the `auth_change_notify` trigger, whose notification reaches every API process
 * at commit and drops that user's cached credentials there, so the next request is checked against the
 * database and refused. The notification travels on its own connection and may still be on its way
 * when the next request arrives on another process, so a cached credential is served only after a
 * round trip on the listening connection (`sync`: `SELECT 1`, shared by the requests of the same
 * moment), which PostgreSQL answers only after delivering every notification committed before it.
 * While the listening connection is down nothing is served from the cache.
 */
export function createAuthenticator({ db, cache }: AuthenticatorOptions): Authenticator {
  if (!cache) {
    return {
      authenticate: (credentials) => authenticate(db, credentials),
      ready: Promise.resolve(),
      close: async () => {},
    };
  }
  const ttlMs = cache.ttlMs ?? AUTH_CACHE_TTL_MS;
  const grants = new Map<string, CachedGrant>();
  // Counts changes heard: a grant read while one arrived (or while the feed was down) may already be
  // stale, so it is returned but not cached.
  let generation = 0;
  const changes = listenForAuthChanges({
    connectionString: cache.connectionString,
    onUserChanged: (userId) => {
      generation += 1;
      for (const [key, grant] of grants) if (grant.user.id === userId) grants.delete(key);
    },
    onReset: () => {
      generation += 1;
      grants.clear();
    },
  });
  const remember = (key: string, grant: CredentialGrant | null, readAt: number) => {
    if (!grant || readAt !== generation || !changes.listening) return;
    const expiry = grant.expiresAt?.getTime() ?? Infinity;
    grants.set(key, { user: grant.user, until: Math.min(Date.now() + ttlMs, expiry) });
  };
  const lookup = async (
    kind: 'token' | 'session',
    secret: string,
    read: (db: DbClient, secret: string) => Promise<CredentialGrant | null>,
  ): Promise<AuthenticatedUser | null> => {
    const key = `${kind}:${hashSecretToken(secret)}`;
    const cached = grants.get(key);
    // A change committed before this request (a revocation on another process a moment ago) reaches
    // the listener before the sync's answer and drops the grant; only a grant still held is served.
    if (cached && changes.listening && cached.until > Date.now() && (await changes.sync()))
      if (grants.get(key) === cached) return cached.user;
    grants.delete(key);
    const readAt = changes.listening ? generation : -1;
    const grant = await read(db, secret);
    remember(key, grant, readAt);
    return grant?.user ?? null;
  };
  return {
    authenticate: (credentials) =>
      authenticate(db, credentials, {
        token: (_db, secret) => lookup('token', secret, userForApiToken),
        session: (_db, secret) => lookup('session', secret, userForSession),
      }),
    ready: changes.ready,
    close: () => changes.close(),
  };
}

type ReadUser = (db: DbClient, secret: string) => Promise<AuthenticatedUser | null>;
const uncached = {
  token: async (db: DbClient, secret: string) => (await userForApiToken(db, secret))?.user ?? null,
  session: async (db: DbClient, secret: string) => (await userForSession(db, secret))?.user ?? null,
};

/**
 * Null when the request names a token that is invalid, expired or revoked: a client that sends a token
 * expects to act as its user, never silently as nobody. An unknown session cookie is merely signed out
 * (its secret is kept so logout can clear it).
 */
export async function authenticate(
  db: DbClient,
  credentials: Credentials,
  read: { token: ReadUser; session: ReadUser } = uncached,
): Promise<Authentication | null> {
  switch (credentials.kind) {
    case 'token': {
      const viewer = await read.token(db, credentials.token);
      return viewer ? { viewer, authMethod: 'token', sessionSecret: null } : null;
    }
    case 'malformed-authorization':
      return null;
    case 'session': {
      const viewer = await read.session(db, credentials.secret);
      return { viewer, authMethod: viewer ? 'session' : null, sessionSecret: credentials.secret };
    }
    case 'anonymous':
      return { viewer: null, authMethod: null, sessionSecret: null };
  }
}
