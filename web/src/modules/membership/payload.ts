import { CONSENT_METHODS, normalizeEpic, normalizePhone, type TConsent, type TDriveCreateInput, type TEnrolBody } from '@samiti/common';
import { isIsoDate } from '../../lib/dates';

const clean = (s: string): string => s.trim().replace(/\s+/g, ' ');
const isMethod = (v: string): v is TConsent['method'] => (CONSENT_METHODS as readonly string[]).includes(v);

// ---- New drive ----

export const DRIVE_FIELDS = ['name', 'nameHi', 'unitId', 'startsOn', 'endsOn', 'activeRuleMinVerified'] as const;
export type TDriveField = (typeof DRIVE_FIELDS)[number];
export type TDriveFormValues = Record<TDriveField, string> & { allowSelfEnrol: boolean };
/** Each is a key under `drives.errors`. */
export type TDriveProblem = 'nameRequired' | 'unitRequired' | 'dateInvalid' | 'endBeforeStart' | 'ruleInvalid';

export const emptyDriveForm = (today: string): TDriveFormValues => ({
  name: '',
  nameHi: '',
  unitId: '',
  startsOn: today,
  endsOn: '',
  activeRuleMinVerified: '25',
  allowSelfEnrol: true,
});

export const validateDriveForm = (v: TDriveFormValues): Partial<Record<TDriveField, TDriveProblem>> => {
  const out: Partial<Record<TDriveField, TDriveProblem>> = {};
  if (!clean(v.name)) out.name = 'nameRequired';
  if (!/^\d+$/.test(v.unitId)) out.unitId = 'unitRequired';
  if (!isIsoDate(v.startsOn)) out.startsOn = 'dateInvalid';
  if (!isIsoDate(v.endsOn)) out.endsOn = 'dateInvalid';
  else if (isIsoDate(v.startsOn) && v.endsOn < v.startsOn) out.endsOn = 'endBeforeStart';
  const rule = v.activeRuleMinVerified.trim();
  if (!/^\d{1,6}$/.test(rule) || Number(rule) < 1 || Number(rule) > 100_000) out.activeRuleMinVerified = 'ruleInvalid';
  return out;
};

/** POST body for a new drive. Call after validateDriveForm. */
export const toDriveBody = (v: TDriveFormValues): TDriveCreateInput => {
  const nameHi = clean(v.nameHi);
  return {
    name: clean(v.name),
    ...(nameHi ? { nameHi } : {}),
    unitId: Number(v.unitId),
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    activeRuleMinVerified: Number(v.activeRuleMinVerified.trim()),
    allowSelfEnrol: v.allowSelfEnrol,
  };
};

// ---- Enrolling a new person inline ----

/** Named as the server names them in a validation error's `field` (under `person.`). */
export const MEMBER_FIELDS = ['name', 'nameHi', 'phone', 'epic', 'consent.purpose', 'consent.date', 'consent.method'] as const;
export type TMemberField = (typeof MEMBER_FIELDS)[number];
export type TMemberFormValues = Record<TMemberField, string>;
/** The same reasons the person form gives: each is a key under `personForm.errors`. */
export type TMemberProblem =
  | 'nameRequired'
  | 'phoneRequired'
  | 'phoneInvalid'
  | 'epicInvalid'
  | 'purposeRequired'
  | 'dateInvalid'
  | 'dateFuture'
  | 'methodRequired';

export const emptyMemberForm = (today: string): TMemberFormValues => ({
  name: '',
  nameHi: '',
  phone: '',
  epic: '',
  'consent.purpose': '',
  'consent.date': today,
  'consent.method': '',
});

export const validateMemberForm = (v: TMemberFormValues, today: string): Partial<Record<TMemberField, TMemberProblem>> => {
  const out: Partial<Record<TMemberField, TMemberProblem>> = {};
  if (!clean(v.name) && !clean(v.nameHi)) out.name = 'nameRequired';
  if (!v.phone.trim()) out.phone = 'phoneRequired';
  else if (!normalizePhone(v.phone).ok) out.phone = 'phoneInvalid';
  if (v.epic.trim() && !normalizeEpic(v.epic)) out.epic = 'epicInvalid';
  if (clean(v['consent.purpose']).length < 3) out['consent.purpose'] = 'purposeRequired';
  const date = v['consent.date'];
  if (!isIsoDate(date)) out['consent.date'] = 'dateInvalid';
  else if (date > today) out['consent.date'] = 'dateFuture';
  if (!isMethod(v['consent.method'])) out['consent.method'] = 'methodRequired';
  return out;
};

/** The enrolment body for a person given inline; the server reuses a person already on file with this phone or EPIC. */
export const toEnrolNewBody = (v: TMemberFormValues, unitId: number): TEnrolBody => {
  const name = clean(v.name);
  const nameHi = clean(v.nameHi);
  const phone = normalizePhone(v.phone);
  const epic = v.epic.trim();
  const method = v['consent.method'];
  return {
    unitId,
    person: {
      ...(name ? { name } : {}),
      ...(nameHi ? { nameHi } : {}),
      phone: phone.ok ? phone.e164 : v.phone.trim(),
      ...(epic ? { epic: normalizeEpic(epic) ?? epic.toUpperCase() } : {}),
      consent: { purpose: clean(v['consent.purpose']), date: v['consent.date'], method: isMethod(method) ? method : 'written' },
    },
  };
};

/** A server field such as "person.phone" as the inline form's own field name, or null when it names none of them. */
export const memberFieldOf = (serverField: string | undefined): TMemberField | null => {
  const f = serverField?.startsWith('person.') ? serverField.slice('person.'.length) : undefined;
  return MEMBER_FIELDS.find((x) => x === f) ?? null;
};

// ---- Targets ----

export const MAX_TARGET = 1_000_000_000;

/** A target typed by a person ("1,200" or "1200") as a whole number, or null when it is not one. */
export const parseTarget = (text: string): number | null => {
  const t = text.trim().replace(/[,\s]/g, '');
  if (!/^\d{1,10}$/.test(t)) return null;
  const n = Number(t);
  return n <= MAX_TARGET ? n : null;
};

// ---- Rejection ----

export const REJECT_REASON_MAX = 500;
export const isRejectReasonOk = (text: string): boolean => clean(text).length >= 1 && clean(text).length <= REJECT_REASON_MAX;
