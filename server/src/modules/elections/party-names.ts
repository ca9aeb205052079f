/** A party of the alias table: its key, short name, English and Hindi names, and other spellings. */
export type TPartyAlias = { key: string; short: string; name: string; nameHi: string; aliases: string[] };
export type TAliasTable = { byKey: Map<string, TPartyAlias>; byName: Map<string, string> };

/**
 * Folds a party name so spellings of one party meet: case, spaces, punctuation and "&"/"and" do not
 * count ("Shivsena" = "Shiv Sena", "National People's Party" = "National Peoples Party").
 */
export const normalisePartyName = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '');

/** A key for a party outside the alias table, stable across runs: its name in lower-case words. */
export const slugParty = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);

/** Reads party-aliases.csv (`key,short,name,name_hi,aliases` with `|` between aliases; no quoting). */
export const parseAliasCsv = (text: string): TAliasTable => {
  const byKey = new Map<string, TPartyAlias>();
  const byName = new Map<string, string>();
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  for (const line of lines.slice(1)) {
    const [key = '', short = '', name = '', nameHi = '', alias = ''] = line.split(',');
    const entry = { key, short, name, nameHi, aliases: alias.split('|').filter(Boolean) };
    byKey.set(key, entry);
    for (const n of [key, short, name, nameHi, ...entry.aliases]) {
      const folded = normalisePartyName(n);
      const prior = byName.get(folded);
      if (prior && prior !== key) throw new Error(`party alias "${n}" names both ${prior} and ${key}`);
      byName.set(folded, key);
    }
  }
  return { byKey, byName };
};

/** The key of a party by any of its names: the alias table's key, else a slug of the name. */
export const partyKeyFor = (table: TAliasTable, name: string) => table.byName.get(normalisePartyName(name)) ?? slugParty(name);
