/**
 * The 24 hours the latest daily digest covers at `now`: it ends at the most recent digest hour
 * (UTC) that has passed, so a worker that was down at that hour still sends it later that day.
 */
export function digestPeriod(now: Date, digestHour: number): { start: Date; end: Date } {
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), digestHour));
  if (end > now) end.setUTCDate(end.getUTCDate() - 1);
  const start = new Date(end);
  start.setUTCDate(start.getUTCDate() - 1);
  return { start, end };
}
