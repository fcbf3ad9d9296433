/** A timestamp as PostgreSQL returns it (a Date, or text from a raw statement); those without a zone are UTC. */
export function utcDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}
