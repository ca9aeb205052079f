import { headerKey } from '../../lib/csv';

/** Headings accepted for each column of a people/posts sheet, English and Hindi, folded by `headerKey`. */
export const PEOPLE_COLUMNS = {
  unitId: ['unitid', 'unit', 'इकाई', 'इकाईआईडी', 'इकाईसंख्या'],
  booth: ['boothcode', 'pscode', 'geo', 'बूथकोड'],
  state: ['state', 'statecode', 'राज्य', 'राज्यकोड'],
  ac: ['ac', 'acno', 'acnumber', 'assembly', 'विधानसभा', 'विधानसभासंख्या', 'विधानसभाक्रमांक'],
  part: ['part', 'partno', 'partnumber', 'booth', 'boothno', 'boothnumber', 'psno', 'बूथ', 'बूथसंख्या', 'बूथक्रमांक', 'भाग', 'भागसंख्या'],
  post: ['post', 'designation', 'पद', 'पदनाम', 'दायित्व'],
  name: ['name', 'fullname', 'नाम', 'पूरानाम'],
  nameEn: ['nameen', 'englishname', 'nameinenglish', 'अंग्रेज़ीनाम', 'अंग्रेजीनाम', 'नाम(अंग्रेज़ी)'],
  nameHi: ['namehi', 'hindiname', 'nameinhindi', 'हिंदीनाम', 'हिन्दीनाम', 'नाम(हिंदी)'],
  phone: ['phone', 'mobile', 'mobileno', 'mobilenumber', 'phoneno', 'contact', 'मोबाइल', 'मोबाइलनंबर', 'मोबाइलन', 'फ़ोन', 'फोन', 'दूरभाष'],
  epic: ['epic', 'epicno', 'voterid', 'votercard', 'मतदातापहचानपत्र', 'वोटरआईडी', 'ईपिक'],
  gender: ['gender', 'sex', 'लिंग'],
  birthYear: ['birthyear', 'yearofbirth', 'जन्मवर्ष'],
  startDate: ['startdate', 'from', 'appointedon', 'नियुक्तितिथि', 'तिथि', 'सेतिथि'],
  // Members sheets only.
  enroller: ['enroller', 'enrollermobile', 'enrollerphone', 'enrolledby', 'enrolledbymobile', 'referredby', 'प्रेरक', 'प्रेरकमोबाइल', 'सदस्यबनानेवाला', 'सदस्यबनानेवालेकामोबाइल'],
  enrolledOn: ['enrolledon', 'enrolleddate', 'enrolmentdate', 'enrollmentdate', 'dateofenrolment', 'joinedon', 'सदस्यतातिथि', 'सदस्यताकीतिथि', 'जुड़नेकीतिथि'],
  status: ['status', 'verification', 'स्थिति', 'सत्यापन', 'सत्यापनस्थिति'],
  method: ['verifiedby', 'verificationmethod', 'method', 'सत्यापनविधि', 'सत्यापनकातरीका'],
} as const;
export type TPeopleColumn = keyof typeof PEOPLE_COLUMNS;

export const mapColumns = (header: string[]) => {
  const keys = header.map(headerKey);
  const at = {} as Record<TPeopleColumn, number>;
  for (const [col, names] of Object.entries(PEOPLE_COLUMNS) as [TPeopleColumn, readonly string[]][]) {
    at[col] = keys.findIndex((k) => (names as readonly string[]).includes(k));
  }
  return at;
};

const GENDERS: Record<string, 'male' | 'female' | 'other'> = {
  m: 'male',
  male: 'male',
  पुरुष: 'male',
  पु: 'male',
  f: 'female',
  female: 'female',
  महिला: 'female',
  स्त्री: 'female',
  म: 'female',
  o: 'other',
  other: 'other',
  अन्य: 'other',
};
export const parseGender = (v: string) => GENDERS[v.trim().toLowerCase()] ?? null;

/** YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY (the way Indian offices write dates) → YYYY-MM-DD. */
export const parseDate = (v: string): string | null => {
  const s = v.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
};

const STATUSES: Record<string, 'pending' | 'verified'> = {
  pending: 'pending',
  unverified: 'pending',
  लंबित: 'pending',
  असत्यापित: 'pending',
  verified: 'verified',
  सत्यापित: 'verified',
};
/** A member's status as a sheet writes it (English or Hindi). */
export const parseStatus = (v: string) => STATUSES[v.trim().toLowerCase()] ?? null;

const METHODS: Record<string, 'otp' | 'epic' | 'photo'> = {
  otp: 'otp',
  ओटीपी: 'otp',
  epic: 'epic',
  'voter id': 'epic',
  ईपिक: 'epic',
  'मतदाता पहचान पत्र': 'epic',
  photo: 'photo',
  फोटो: 'photo',
  फ़ोटो: 'photo',
};
/** How a verified member was checked, as a sheet writes it. */
export const parseMethod = (v: string) => METHODS[v.trim().toLowerCase()] ?? null;

const DEVANAGARI = /[\u0900-\u097f]/;
export const isDevanagari = (s: string) => DEVANAGARI.test(s);
