/**
 * Indian mobile numbers in any common writing (+91 98765 43210, 098765-43210, 9876543210,
 * 0091 9876543210) normalised to E.164 (+919876543210), or the reason they are not one.
 */
export type TPhoneResult = { ok: true; e164: string } | { ok: false; reason: 'characters' | 'length' | 'prefix' };

export const normalizePhone = (input: string): TPhoneResult => {
  const trimmed = input.trim();
  if (!/^\(?\+?[\d\s().-]+$/.test(trimmed)) return { ok: false, reason: 'characters' };
  let digits = trimmed.replace(/\D/g, '');
  if (/^\(?\+/.test(trimmed)) {
    if (!digits.startsWith('91')) return { ok: false, reason: 'prefix' };
    digits = digits.slice(2);
  } else if (digits.length === 14 && digits.startsWith('0091')) digits = digits.slice(4);
  else if (digits.length === 12 && digits.startsWith('91')) digits = digits.slice(2);
  else if (digits.length === 11 && digits.startsWith('0')) digits = digits.slice(1);
  if (digits.length !== 10) return { ok: false, reason: 'length' };
  if (!/^[6-9]/.test(digits)) return { ok: false, reason: 'prefix' };
  return { ok: true, e164: `+91${digits}` };
};

/** `+91 98XXX XX210`: enough to recognise a number, not to call it. */
export const maskPhone = (e164: string) => `${e164.slice(0, 3)} ${e164.slice(3, 5)}XXX XX${e164.slice(-3)}`;

/** EPIC (voter ID) numbers: three letters and seven digits, written in capitals. */
export const normalizeEpic = (input: string): string | null => {
  const s = input.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z]{3}\d{7}$/.test(s) ? s : null;
};

export const maskEpic = (epic: string) => `${epic.slice(0, 3)}XXXX${epic.slice(-3)}`;
