/** A person's names as the API gives them: either may be missing, never both. */
export type TPersonNames = { name: string | null; nameHi: string | null };

const present = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null);

/**
 * The name to show first in the UI language (falling back to the other script when that is all
 * there is), and the other script's name to show small beside it (null when absent or identical).
 */
export const personNames = (person: TPersonNames, lang: string): { primary: string; secondary: string | null } => {
  const en = present(person.name);
  const hi = present(person.nameHi);
  const [first, second] = lang === 'hi' ? [hi, en] : [en, hi];
  const primary = first ?? second ?? '';
  const secondary = first !== null && second !== null && second !== first ? second : null;
  return { primary, secondary };
};

/** Just the name in the UI language (or the only one there is). */
export const personName = (person: TPersonNames, lang: string): string => personNames(person, lang).primary;

/** "+919876543210" → "+91 98765 43210" for reading; masked or unusual numbers are shown as given. */
export const formatPhone = (phone: string): string => {
  const m = /^\+91(\d{5})(\d{5})$/.exec(phone);
  return m ? `+91 ${m[1]} ${m[2]}` : phone;
};
