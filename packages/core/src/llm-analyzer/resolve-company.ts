/**
 * Maps the free-text company names a model returns onto the registry, and
 * lists the registry companies an article seems to name so the prompt can
 * suggest their canonical names.
 */
import type { CompanyRegistryEntry } from '../analysis/contract.js';

// Legal-form words a model adds or drops at will ("Nvidia Corporation", "Shell plc").
const LEGAL_SUFFIX_RE =
  /(?:\s+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|plc|llc|lp|ag|sa|se|nv|bv|spa|gmbh|holdings?|group))+$/;

export function normalizeCompanyName(name: string): string {
  const plain = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const stripped = plain.replace(LEGAL_SUFFIX_RE, '').trim();
  return stripped === '' ? plain : stripped;
}

export type CompanyResolver = (name: string) => CompanyRegistryEntry | null;

export function createCompanyResolver(registry: readonly CompanyRegistryEntry[]): CompanyResolver {
  const byName = new Map<string, CompanyRegistryEntry>();
  const byTicker = new Map<string, CompanyRegistryEntry>();
  for (const entry of registry) {
    for (const name of [entry.name, entry.slug, ...entry.aliases, ...(entry.ambiguousAliases ?? [])]) {
      const key = normalizeCompanyName(name);
      // First entry wins: the registry is ordered, and a later duplicate alias must not steal a name.
      if (key !== '' && !byName.has(key)) byName.set(key, entry);
    }
    for (const ticker of entry.tickers) {
      const key = ticker.symbol.toUpperCase();
      if (!byTicker.has(key)) byTicker.set(key, entry);
    }
  }
  return (name) => {
    const byNameMatch = byName.get(normalizeCompanyName(name));
    if (byNameMatch) return byNameMatch;
    // Only an all-caps token is read as a ticker ("NVDA", "$NVDA", "NASDAQ:NVDA"), so "On" never means ticker ON.
    const ticker = /^(?:[A-Z]+:)?\$?([A-Z0-9][A-Z0-9.-]{0,9})$/.exec(name.trim());
    return ticker?.[1] === undefined ? null : (byTicker.get(ticker[1]) ?? null);
  };
}

function containsWord(haystack: string, needle: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if (
      (before === undefined || !/[\p{L}\p{N}]/u.test(before)) &&
      (after === undefined || !/[\p{L}\p{N}]/u.test(after))
    )
      return true;
    from = at + 1;
  }
}

/** Registry entries whose name or an unambiguous alias occurs as a whole word in `text`, in registry order. */
export function findRegistryCompaniesInText(
  text: string,
  registry: readonly CompanyRegistryEntry[],
  limit: number,
): CompanyRegistryEntry[] {
  const found: CompanyRegistryEntry[] = [];
  for (const entry of registry) {
    if (found.length >= limit) break;
    const ambiguous = new Set(entry.ambiguousAliases ?? []);
    const names = [entry.name, ...entry.aliases].filter((name) => name.length > 1 && !ambiguous.has(name));
    if (names.some((name) => containsWord(text, name))) found.push(entry);
  }
  return found;
}
