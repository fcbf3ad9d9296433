import { withoutLegalForm } from '../src/analysis/index.js';

/** A company of the benchmark's registry: one name, and the file's other names for it. */
export interface BenchCompany {
  name: string;
  aliases: string[];
}

/** A name without its legal forms ("Lloyds Banking Group PLC" → "Lloyds Banking") and possessive, folded. */
function nameKey(name: string): string {
  return withoutLegalForm(name)
    .replace(/['’]s$/iu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * SemEval's targets name some companies more than one way ("Tesco" and "Tesco PLC", "Sainsbury" and
 * "Sainsbury's"). A registry holds such a company once — what an editor's merge makes of
 * duplicates — so names that differ only by legal forms or a possessive become one company, under
 * its longest name with the others as aliases. Kept apart, a headline naming "Tesco" matches the
 * entry "Tesco" and a target "Tesco PLC" counts as not found.
 */
export function semevalCompanies(names: Iterable<string>): BenchCompany[] {
  const groups = new Map<string, string[]>();
  for (const name of new Set(names)) {
    const key = nameKey(name);
    groups.set(key, [...(groups.get(key) ?? []), name]);
  }
  return [...groups.values()]
    .map((group) => {
      const [name = '', ...aliases] = [...group].sort((a, b) => b.length - a.length || a.localeCompare(b));
      return { name, aliases };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Every name of the registry entries, to its entry's id (the first entry holding a name keeps it). */
export function idsByName(
  registry: readonly { id: string; name: string; aliases: readonly string[] }[],
): Map<string, string> {
  const ids = new Map<string, string>();
  for (const entry of registry)
    for (const name of [entry.name, ...entry.aliases]) if (!ids.has(name)) ids.set(name, entry.id);
  return ids;
}
