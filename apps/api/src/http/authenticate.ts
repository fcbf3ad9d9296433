import type { IncomingMessage } from 'node:http';

import type { DbClient } from '@wirelens/db';
import { userForApiToken, userForSession } from '@wirelens/db/repositories';

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

/**
 * Null when the request names a token that is invalid, expired or revoked: a client that sends a token
 * expects to act as its user, never silently as nobody. An unknown session cookie is merely signed out
 * (its secret is kept so logout can clear it).
 */
export async function authenticate(db: DbClient, credentials: Credentials): Promise<Authentication | null> {
  switch (credentials.kind) {
    case 'token': {
      const viewer = await userForApiToken(db, credentials.token);
      return viewer ? { viewer, authMethod: 'token', sessionSecret: null } : null;
    }
    case 'malformed-authorization':
      return null;
    case 'session': {
      const viewer = await userForSession(db, credentials.secret);
      return { viewer, authMethod: viewer ? 'session' : null, sessionSecret: credentials.secret };
    }
    case 'anonymous':
      return { viewer: null, authMethod: null, sessionSecret: null };
  }
}
