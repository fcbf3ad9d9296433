import { createHash } from 'node:crypto';

/** Per-account sign-in throttle: after `maxFailures` wrong passwords within `windowSeconds`, sign-in is refused for `lockSeconds`. */
export interface LoginThrottleRule {
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
}

/** 10 wrong passwords within 15 minutes lock the account for 15 minutes. */
export const LOGIN_THROTTLE: LoginThrottleRule = {
  maxFailures: 10,
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
};

/**
 * The key an e-mail's failures are counted under: a hash of the normalised address, so attempts on unknown
 * addresses are counted the same way without storing what was typed.
 */
export function loginThrottleKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}
