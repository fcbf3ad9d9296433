/**
 * A `Retry-After` header (delta-seconds or an HTTP date) in milliseconds from `now`, never
 * negative; null when absent or unreadable. Used for feed servers and LLM endpoints alike.
 */
export function parseRetryAfterMs(value: string | null | undefined, now: number = Date.now()): number | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
