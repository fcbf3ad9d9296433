import { z } from 'zod';

import { AppError } from '../errors/index.js';
import { publicUrlEnv } from '../urls/public-url.js';

/** WIRELENS_EMAIL_DIGEST_HOUR when unset. */
export const DEFAULT_DIGEST_HOUR = 7;

const optional = <Schema extends z.ZodType>(schema: Schema) =>
  schema.optional().or(z.literal('').transform(() => undefined));

/**
 * E-mail and link settings, read the same way by the API and the worker (spread into their env
 * schemas): the worker sends and signs unsubscribe links, the API verifies them and tells the
 * dashboard whether e-mail is on. `emailConfigOf` checks the variables that only make sense together.
 */
export const emailEnvShape = {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465. Unset: no e-mail. */
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })),
  /** The From header, e.g. `Wirelens <alerts@example.com>`. */
  SMTP_FROM: optional(z.string().min(3)),
  /** Where users reach Wirelens (https://wirelens.example.com): absolute links in e-mails and webhooks. */
  WIRELENS_PUBLIC_URL: publicUrlEnv,
  /** Signs unsubscribe links (HMAC-SHA256); at least 32 characters, the same for the API and the worker. */
  WIRELENS_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  /** Hour (UTC, 0–23) the daily digest goes out; it covers the 24 hours before. */
  WIRELENS_EMAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(DEFAULT_DIGEST_HOUR),
};

export interface EmailEnv {
  SMTP_URL?: string | undefined;
  SMTP_FROM?: string | undefined;
  WIRELENS_PUBLIC_URL?: string | undefined;
  WIRELENS_SECRET?: string | undefined;
  WIRELENS_EMAIL_DIGEST_HOUR: number;
}

/** What sending needs; null when SMTP_URL is unset (e-mail off). */
export interface EmailConfig {
  smtpUrl: string;
  from: string;
  publicUrl: string;
  secret: string;
  digestHour: number;
}

/** E-mail is off without SMTP_URL; with it, the From address, public URL and secret are required. */
export function emailConfigOf(env: EmailEnv): EmailConfig | null {
  if (!env.SMTP_URL) return null;
  const missing = (['SMTP_FROM', 'WIRELENS_PUBLIC_URL', 'WIRELENS_SECRET'] as const).filter(
    (name) => !env[name],
  );
  if (missing.length > 0) {
    throw new AppError('CONFIG', `Invalid environment: SMTP_URL needs ${missing.join(', ')}`, {
      details: { variables: missing },
    });
  }
  return {
    smtpUrl: env.SMTP_URL,
    from: env.SMTP_FROM ?? '',
    publicUrl: env.WIRELENS_PUBLIC_URL ?? '',
    secret: env.WIRELENS_SECRET ?? '',
    digestHour: env.WIRELENS_EMAIL_DIGEST_HOUR,
  };
}
