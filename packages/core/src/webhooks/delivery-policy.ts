/** Failed attempts in a row after which an endpoint pauses itself until its owner resumes it. */
export const PAUSE_AFTER_FAILURES = 10;
/** Characters of a receiver's response kept in the delivery log. */
export const RESPONSE_EXCERPT_CHARS = 500;
/** A Retry-After longer than this is capped: the delivery is tried again after an hour. */
export const MAX_RETRY_AFTER_MS = 3_600_000;

/**
 * What an HTTP status means for a delivery: 2xx delivered; 408, 429 and 5xx are worth another try;
 * 410 says the receiver is gone for good (the endpoint is disabled); any other status is refused
 * and will not change by retrying.
 */
export type AttemptVerdict = 'delivered' | 'retry' | 'gone' | 'refused';

export function verdictOfStatus(status: number): AttemptVerdict {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 410) return 'gone';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'refused';
}

/**
 * The start of a receiver's answer as the delivery log shows it: control characters (escape
 * sequences a terminal or log viewer would interpret) become spaces, and it is cut to a bound.
 */
export function responseExcerpt(body: string, limit = RESPONSE_EXCERPT_CHARS): string | null {
  // eslint-disable-next-line no-control-regex -- exactly the characters removed
  const clean = body.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').trim();
  if (clean === '') return null;
  return clean.length > limit ? `${clean.slice(0, limit)}…` : clean;
}
