import {
  CONSENT_METHODS,
  GENDERS,
  normalizeEpic,
  normalizePhone,
  type TPerson,
  type TPersonCreate,
  type TPersonPatch,
} from '@samiti/common';
import { isIsoDate } from '../../lib/dates';
import { hasDevanagari } from '../../lib/script';

/** The form's fields, named exactly as the server names them in a validation error's `field`. */
export const PERSON_FIELDS = [
  'name',
  'nameHi',
  'gender',
  'birthYear',
  'phone',
  'epic',
  'homeUnitId',
  'consent.purpose',
  'consent.date',
  'consent.method',
] as const;
export type TPersonField = (typeof PERSON_FIELDS)[number];

/** What the add/edit form holds: plain strings, empty meaning "none" (homeUnitId as digits). */
export type TPersonFormValues = Record<TPersonField, string>;

/** Why a value was refused before sending; each is a key under `personForm.errors`. */
export type TPersonFormProblem =
  | 'nameRequired'
  | 'phoneRequired'
  | 'phoneInvalid'
  | 'epicInvalid'
  | 'birthYearInvalid'
  | 'homeUnitRequired'
  | 'purposeRequired'
  | 'dateInvalid'
  | 'dateFuture'
  | 'methodRequired';

const clean = (s: string): string => s.trim().replace(/\s+/g, ' ');

const isGender = (v: string): v is (typeof GENDERS)[number] => (GENDERS as readonly string[]).includes(v);
const isMethod = (v: string): v is (typeof CONSENT_METHODS)[number] => (CONSENT_METHODS as readonly string[]).includes(v);

/** The phone as E.164 when it is a valid Indian mobile, else as typed (the server then says what is wrong). */
const phoneOut = (raw: string): string => {
  const r = normalizePhone(raw);
  return r.ok ? r.e164 : raw.trim();
};
const epicOut = (raw: string): string => normalizeEpic(raw) ?? raw.trim().toUpperCase();

export const emptyPersonForm = (homeUnitId: number | null, today: string): TPersonFormValues => ({
  name: '',
  nameHi: '',
  gender: '',
  birthYear: '',
  phone: '',
  epic: '',
  homeUnitId: homeUnitId === null ? '' : String(homeUnitId),
  'consent.purpose': '',
  'consent.date': today,
  'consent.method': '',
});

/**
 * What was typed in a person search, put where it belongs when the user goes on to add a new
 * person: a phone number, an EPIC, or a name in the script it was written in.
 */
export const prefillFromSearch = (text: string): Partial<TPersonFormValues> => {
  const t = clean(text);
  if (!t) return {};
  if (/\d{5}/.test(t) && normalizePhone(t).ok) return { phone: t };
  const epic = normalizeEpic(t);
  if (epic) return { epic };
  return hasDevanagari(t) ? { nameHi: t } : { name: t };
};

/** Edit form values; contact details the user may not see start empty (typing one replaces it). */
export const formValuesOf = (person: TPerson): TPersonFormValues => ({
  name: person.name ?? '',
  nameHi: person.nameHi ?? '',
  gender: person.gender ?? '',
  birthYear: person.birthYear === null ? '' : String(person.birthYear),
  phone: person.isContactMasked ? '' : person.phone,
  epic: person.isContactMasked ? '' : (person.epic ?? ''),
  homeUnitId: String(person.homeUnit.id),
  'consent.purpose': person.consent.purpose,
  'consent.date': person.consent.date,
  'consent.method': person.consent.method,
});

/**
 * Problems the form can see before sending. `isMasked` (edit of a person whose contact is hidden
 * from this user) makes the phone optional: empty means "keep the current one".
 */
export const validatePersonForm = (
  values: TPersonFormValues,
  options: { mode: 'create' | 'edit'; today: string; isMasked?: boolean },
): Partial<Record<TPersonField, TPersonFormProblem>> => {
  const out: Partial<Record<TPersonField, TPersonFormProblem>> = {};
  if (!clean(values.name) && !clean(values.nameHi)) out.name = 'nameRequired';
  const phone = values.phone.trim();
  if (!phone) {
    if (options.mode === 'create' || !options.isMasked) out.phone = 'phoneRequired';
  } else if (!normalizePhone(phone).ok) out.phone = 'phoneInvalid';
  if (values.epic.trim() && !normalizeEpic(values.epic)) out.epic = 'epicInvalid';
  const year = values.birthYear.trim();
  const maxYear = Math.min(2030, Number(options.today.slice(0, 4)));
  if (year && !(/^\d{4}$/.test(year) && Number(year) >= 1900 && Number(year) <= maxYear)) out.birthYear = 'birthYearInvalid';
  if (!/^\d+$/.test(values.homeUnitId)) out.homeUnitId = 'homeUnitRequired';
  if (options.mode === 'create') {
    if (clean(values['consent.purpose']).length < 3) out['consent.purpose'] = 'purposeRequired';
    const date = values['consent.date'];
    if (!isIsoDate(date)) out['consent.date'] = 'dateInvalid';
    else if (date > options.today) out['consent.date'] = 'dateFuture';
    if (!isMethod(values['consent.method'])) out['consent.method'] = 'methodRequired';
  }
  return out;
};

/** POST body for a new person; empty optional fields are left out. Call after validatePersonForm. */
export const toCreateBody = (values: TPersonFormValues): TPersonCreate => {
  const name = clean(values.name);
  const nameHi = clean(values.nameHi);
  const epic = values.epic.trim();
  const year = values.birthYear.trim();
  const method = values['consent.method'];
  return {
    ...(name ? { name } : {}),
    ...(nameHi ? { nameHi } : {}),
    ...(isGender(values.gender) ? { gender: values.gender } : {}),
    ...(year ? { birthYear: Number(year) } : {}),
    phone: phoneOut(values.phone),
    ...(epic ? { epic: epicOut(epic) } : {}),
    homeUnitId: Number(values.homeUnitId),
    consent: {
      purpose: clean(values['consent.purpose']),
      date: values['consent.date'],
      method: isMethod(method) ? method : 'written',
    },
  };
};

/** PATCH body with only what changed; clearing an optional field sends null. Empty object = nothing to save. */
export const toPatchBody = (person: TPerson, values: TPersonFormValues): TPersonPatch => {
  const body: TPersonPatch = {};
  const name = clean(values.name) || null;
  const nameHi = clean(values.nameHi) || null;
  if (name !== person.name) body.name = name;
  if (nameHi !== person.nameHi) body.nameHi = nameHi;
  const gender = isGender(values.gender) ? values.gender : null;
  if (gender !== person.gender) body.gender = gender;
  const year = values.birthYear.trim() ? Number(values.birthYear.trim()) : null;
  if (year !== person.birthYear) body.birthYear = year;
  const phone = values.phone.trim();
  if (phone && phoneOut(phone) !== (person.isContactMasked ? null : person.phone)) body.phone = phoneOut(phone);
  const epic = values.epic.trim();
  if (person.isContactMasked) {
    // The current EPIC is hidden from this user: only a newly typed one is sent.
    if (epic) body.epic = epicOut(epic);
  } else {
    const next = epic ? epicOut(epic) : null;
    if (next !== person.epic) body.epic = next;
  }
  const homeUnitId = Number(values.homeUnitId);
  if (Number.isSafeInteger(homeUnitId) && homeUnitId > 0 && homeUnitId !== person.homeUnit.id) body.homeUnitId = homeUnitId;
  return body;
};
