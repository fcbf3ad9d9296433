import { createHmac, timingSafeEqual } from 'node:crypto';

import { AppError } from '../errors/index.js';

const PURPOSE = 'wirelens-unsubscribe-v1';

function signatureOf(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`${PURPOSE}:${payload}`).digest();
}

/**
 * A link token that turns e-mail off for these rules without signing in: the rule ids and an
 * HMAC-SHA256 over them with the server secret. It does not expire (RFC 8058 links must keep working
 * in old messages); what it can do is only what it names, and doing it twice changes nothing.
 */
export function signUnsubscribeToken(ruleIds: readonly number[], secret: string): string {
  const payload = [...new Set(ruleIds)].sort((a, b) => a - b).join('-');
  return `${payload}.${signatureOf(payload, secret).toString('base64url')}`;
}

/** The rule ids a token names; INVALID_INPUT when it is malformed or not signed with `secret`. */
export function verifyUnsubscribeToken(token: string, secret: string): number[] {
  const match = /^(\d{1,10}(?:-\d{1,10}){0,199})\.([A-Za-z0-9_-]{43})$/.exec(token);
  const refused = new AppError('INVALID_INPUT', 'This unsubscribe link is not valid', {
    details: { field: 'token' },
  });
  if (!match) throw refused;
  const [, payload = '', signature = ''] = match;
  const given = Buffer.from(signature, 'base64url');
  const expected = signatureOf(payload, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused;
  return payload.split('-').map(Number);
}
