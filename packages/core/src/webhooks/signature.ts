import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header every delivery carries: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export const SIGNATURE_HEADER = 'Wirelens-Signature';

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Signs a body the Stripe way: the timestamp is signed with it, so a captured request cannot be replayed later. */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

export interface VerifyWebhookOptions {
  secret: string;
  /** The raw request body, exactly as received. */
  body: string;
  header: string | undefined;
  /** Oldest accepted timestamp, in seconds before `now` (default 300). */
  toleranceSeconds?: number;
  now?: Date;
}

/** What a receiver does (the README's snippet is this function): true when the signature and its age check out. */
export function verifyWebhookSignature({
  secret,
  body,
  header,
  toleranceSeconds = 300,
  now = new Date(),
}: VerifyWebhookOptions): boolean {
  const parts = new Map(
    (header ?? '').split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
