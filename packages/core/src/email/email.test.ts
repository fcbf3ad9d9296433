import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { parseEnv } from '../config/index.js';
import { AppError } from '../errors/index.js';
import { digestPeriod } from './digest-period.js';
import { emailConfigOf, emailEnvShape } from './email-env.js';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.js';

const SECRET = 'x'.repeat(32);
const schema = z.object(emailEnvShape);

describe('email env', () => {
  it('is off without SMTP_URL and needs From, public URL and secret with it', () => {
    expect(emailConfigOf(parseEnv(schema, {}))).toBeNull();
    const env = parseEnv(schema, {
      SMTP_URL: 'smtps://user:pass@mail.example:465',
      SMTP_FROM: 'Wirelens <a@b.example>',
      WIRELENS_PUBLIC_URL: 'https://wirelens.example/',
      WIRELENS_SECRET: SECRET,
      WIRELENS_EMAIL_DIGEST_HOUR: '18',
    });
    expect(emailConfigOf(env)).toEqual({
      smtpUrl: 'smtps://user:pass@mail.example:465',
      from: 'Wirelens <a@b.example>',
      publicUrl: 'https://wirelens.example',
      secret: SECRET,
      digestHour: 18,
    });
    expect(() => emailConfigOf(parseEnv(schema, { SMTP_URL: 'smtp://mail.example' }))).toThrow(
      'SMTP_URL needs SMTP_FROM, WIRELENS_PUBLIC_URL, WIRELENS_SECRET',
    );
  });

  it('names a bad variable', () => {
    expect(() => parseEnv(schema, { SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL/);
    expect(() => parseEnv(schema, { WIRELENS_SECRET: 'short' })).toThrow(/WIRELENS_SECRET/);
    expect(() => parseEnv(schema, { WIRELENS_EMAIL_DIGEST_HOUR: '24' })).toThrow(
      /WIRELENS_EMAIL_DIGEST_HOUR/,
    );
  });
});

describe('unsubscribe tokens', () => {
  it('round-trip the rule ids and refuse anything else', () => {
    const token = signUnsubscribeToken([12, 3, 12], SECRET);
    expect(verifyUnsubscribeToken(token, SECRET)).toEqual([3, 12]);
    const [, signature] = token.split('.');
    for (const bad of [`3-13.${signature}`, `${token}x`, '3-12', '', token.toUpperCase()]) {
      expect(() => verifyUnsubscribeToken(bad, SECRET)).toThrow(AppError);
    }
    expect(() => verifyUnsubscribeToken(token, 'y'.repeat(32))).toThrow('This unsubscribe link is not valid');
  });
});

describe('digestPeriod', () => {
  it('ends at the latest digest hour that has passed', () => {
    expect(digestPeriod(new Date('2026-12-03T10:00:00Z'), 7)).toEqual({
      start: new Date('2026-12-02T07:00:00Z'),
      end: new Date('2026-12-03T07:00:00Z'),
    });
    expect(digestPeriod(new Date('2026-12-03T06:59:59Z'), 7).end).toEqual(new Date('2026-12-02T07:00:00Z'));
    expect(digestPeriod(new Date('2026-01-01T00:30:00Z'), 0).start).toEqual(new Date('2025-12-31T00:00:00Z'));
  });
});
