/** Anything with a Latin-script name and an optional Devanagari one (units, geography, levels). */
export type TBilingualName = { name: string; nameHi: string | null };

/**
 * The name to show first in the UI language, and the other script's name to show beneath it
 * (null when there is none or it is identical).
 */
export const pickNames = (item: TBilingualName, lang: string): { primary: string; secondary: string | null } => {
  const hi = item.nameHi?.trim() ? item.nameHi : null;
  if (lang === 'hi' && hi) return { primary: hi, secondary: hi === item.name ? null : item.name };
  return { primary: item.name, secondary: hi && hi !== item.name ? hi : null };
};

/** Just the name in the UI language. */
export const displayName = (item: TBilingualName, lang: string): string => pickNames(item, lang).primary;
