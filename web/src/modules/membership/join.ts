import { normalizePhone, type TSelfEnrolBody } from '@samiti/common';
import { hasDevanagari } from '../../lib/script';

/** The public self-enrolment form: one name box (either script), the booth code, the code from the SMS and consent. */
export type TJoinValues = { phone: string; otp: string; name: string; booth: string; consent: boolean };
export type TJoinField = keyof TJoinValues;
/** Each is a key under `join.errors`. */
export type TJoinProblem = 'phoneRequired' | 'phoneInvalid' | 'otpInvalid' | 'nameRequired' | 'boothInvalid' | 'consentRequired';

const clean = (s: string): string => s.trim().replace(/\s+/g, ' ');

/** The phone step's problem, if any. */
export const phoneProblem = (phone: string): TJoinProblem | null => {
  if (!phone.trim()) return 'phoneRequired';
  return normalizePhone(phone).ok ? null : 'phoneInvalid';
};

/** Digits only, as a booth code is written on the poster or given by the booth worker ("बूथ 41" → "41"). */
export const boothDigits = (text: string | null): string => (text ?? '').replace(/\D/g, '').slice(0, 15);

/** A name typed in Devanagari is the Hindi name, anything else the English one. */
export const splitName = (text: string): { name: string } | { nameHi: string } => {
  const n = clean(text);
  return hasDevanagari(n) ? { nameHi: n } : { name: n };
};

export const validateJoin = (v: TJoinValues): Partial<Record<TJoinField, TJoinProblem>> => {
  const out: Partial<Record<TJoinField, TJoinProblem>> = {};
  const phone = phoneProblem(v.phone);
  if (phone) out.phone = phone;
  if (!/^\d{6}$/.test(v.otp.trim())) out.otp = 'otpInvalid';
  if (!clean(v.name)) out.name = 'nameRequired';
  const booth = v.booth.trim();
  if (!/^\d{1,15}$/.test(booth) || Number(booth) <= 0 || !Number.isSafeInteger(Number(booth))) out.booth = 'boothInvalid';
  if (!v.consent) out.consent = 'consentRequired';
  return out;
};

/** The self-enrolment body. Call after validateJoin. */
export const toSelfEnrolBody = (v: TJoinValues): TSelfEnrolBody => {
  const phone = normalizePhone(v.phone);
  return {
    phone: phone.ok ? phone.e164 : v.phone.trim(),
    otp: v.otp.trim(),
    ...splitName(v.name),
    unitId: Number(v.booth.trim()),
    consent: true,
  };
};

/** The server's field names on this form's own fields. */
export const joinFieldOf = (serverField: string | undefined): TJoinField | null => {
  switch (serverField) {
    case 'phone':
      return 'phone';
    case 'otp':
      return 'otp';
    case 'name':
    case 'nameHi':
      return 'name';
    case 'unitId':
      return 'booth';
    case 'consent':
      return 'consent';
    default:
      return null;
  }
};
