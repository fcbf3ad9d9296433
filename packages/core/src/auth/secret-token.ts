import { createHash, randomBytes } from 'node:crypto';

/** A random secret with a recognisable prefix (`wl_pat_…`, `wl_sess_…`) and its storage hash. */
export function createSecretToken(prefix: string): { secret: string; hash: string; displayPrefix: string } {
  const secret = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecretToken(secret), displayPrefix: secret.slice(0, prefix.length + 7) };
}

/** Tokens are high-entropy, so a fast hash is enough (unlike passwords). */
export function hashSecretToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
