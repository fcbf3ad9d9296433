/**
 * The database id inside a Relay global ID ("Q29tcGFueToxMg==" → "Company:12" → 12). History snapshots store
 * database ids, while the API's objects carry global IDs; this joins the two for display.
 */
export function databaseId(globalId: string): number | null {
  try {
    const [, id] = atob(globalId).split(':');
    const value = Number(id);
    return Number.isInteger(value) ? value : null;
  } catch {
    return null;
  }
}
