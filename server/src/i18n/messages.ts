import type { TLocale } from '@samiti/common';
import { DIRECTIVE_MESSAGES } from './directives';
import { FILE_MESSAGES } from './files';
import { IMPORT_MESSAGES } from './imports';
import { MEETING_MESSAGES } from './meetings';
import { MEMBERSHIP_MESSAGES } from './membership';
import { ORG_HEALTH_MESSAGES } from './org-health';
import { POST_MESSAGES } from './posts';
import { ELECTION_MESSAGES } from './elections';
import { PROGRAMME_MESSAGES } from './programmes';
import { TOUR_MESSAGES } from './tours';
import { TRAINING_MESSAGES } from './training';

export type TDictionary = Record<string, Record<TLocale, string>>;

/** Core messages; each domain with many of its own keeps them in `i18n/<domain>.ts`. */
const CORE = {
  UNAUTHENTICATED: { en: 'Please log in.', hi: 'कृपया लॉग इन करें।' },
  BAD_CREDENTIALS: { en: 'Wrong username or password.', hi: 'उपयोगकर्ता नाम या पासवर्ड गलत है।' },
  FORBIDDEN: {
    en: 'Your role does not allow this action.',
    hi: 'आपकी भूमिका में यह कार्य करने की अनुमति नहीं है।',
  },
  NOT_FOUND: { en: 'Not found.', hi: 'नहीं मिला।' },
  UNIT_NOT_FOUND: { en: 'Unit {id} was not found.', hi: 'इकाई {id} नहीं मिली।' },
  ROUTE_NOT_FOUND: { en: 'No such address: {url}', hi: 'ऐसा कोई पता नहीं है: {url}' },
  INTERNAL: {
    en: 'Something went wrong on the server. It has been logged; please try again.',
    hi: 'सर्वर पर कुछ गड़बड़ हुई। यह दर्ज कर लिया गया है; कृपया दोबारा प्रयास करें।',
  },
  PAYLOAD_TOO_LARGE: { en: 'The request is too large.', hi: 'अनुरोध बहुत बड़ा है।' },
  PDF_UNAVAILABLE: {
    en: 'PDFs cannot be made on this server: it needs Chromium (Debian: apt-get install chromium fonts-noto-core, or set SAMITI_CHROMIUM).',
    hi: 'इस सर्वर पर PDF नहीं बन सकती: इसके लिए Chromium चाहिए (Debian: apt-get install chromium fonts-noto-core, या SAMITI_CHROMIUM सेट करें)।',
  },
  BAD_JSON: { en: 'The request body is not valid JSON.', hi: 'अनुरोध का मुख्य भाग मान्य JSON नहीं है।' },
  UNSUPPORTED_MEDIA: { en: 'Unsupported content type.', hi: 'यह सामग्री प्रकार समर्थित नहीं है।' },
  VALIDATION: { en: 'Invalid value for "{field}": {reason}', hi: '"{field}" का मान अमान्य है: {reason}' },
  V_REQUIRED: { en: 'this field is required', hi: 'यह आवश्यक है' },
  V_TYPE: { en: 'expected {expected}', hi: '{expected} अपेक्षित है' },
  V_TOO_SHORT: { en: 'must be at least {min} characters', hi: 'कम से कम {min} अक्षर होने चाहिए' },
  V_TOO_LONG: { en: 'must be at most {max} characters', hi: 'अधिकतम {max} अक्षर हो सकते हैं' },
  V_TOO_SMALL: { en: 'must be at least {min}', hi: 'कम से कम {min} होना चाहिए' },
  V_TOO_BIG: { en: 'must be at most {max}', hi: 'अधिकतम {max} हो सकता है' },
  V_ONE_OF: { en: 'must be one of: {values}', hi: 'इनमें से एक होना चाहिए: {values}' },
  V_FORMAT: { en: 'wrong format ({detail})', hi: 'प्रारूप गलत है ({detail})' },
  V_UNKNOWN_KEYS: { en: 'unknown field(s): {keys}', hi: 'अज्ञात फ़ील्ड: {keys}' },
  V_INVALID: { en: 'invalid value', hi: 'अमान्य मान' },
  UNKNOWN_LEVEL: { en: 'Unknown level "{level}".', hi: 'अज्ञात स्तर "{level}"।' },
  LEVEL_NOT_BELOW_PARENT: {
    en: 'A {level} unit cannot be placed under a {parentLevel} unit: its level must be below the parent\'s.',
    hi: '{level} इकाई को {parentLevel} इकाई के नीचे नहीं रखा जा सकता: उसका स्तर मूल इकाई से नीचे होना चाहिए।',
  },
  DUPLICATE_SIBLING: {
    en: 'A unit named "{name}" already exists under this parent.',
    hi: 'इस मूल इकाई के नीचे "{name}" नाम की इकाई पहले से है।',
  },
  UNKNOWN_GEO: { en: 'Geography code "{code}" does not exist.', hi: 'भूगोल कोड "{code}" मौजूद नहीं है।' },
  GEO_KIND_MISMATCH: {
    en: 'A {level} unit can be linked to a {expected}, not to "{code}".',
    hi: '{level} इकाई को {expected} से जोड़ा जा सकता है, "{code}" से नहीं।',
  },
  PARENT_DELETED: { en: 'The parent unit is deleted; restore it first.', hi: 'मूल इकाई हटाई जा चुकी है; पहले उसे बहाल करें।' },
  UNIT_DELETED: { en: 'This unit is deleted; restore it first.', hi: 'यह इकाई हटाई जा चुकी है; पहले उसे बहाल करें।' },
  UNIT_NOT_DELETED: { en: 'This unit is not deleted.', hi: 'यह इकाई हटाई नहीं गई है।' },
  ROOT_IMMUTABLE: { en: 'The top unit of a wing cannot be moved or deleted.', hi: 'किसी शाखा की शीर्ष इकाई को न हटाया जा सकता है न खिसकाया।' },
  MOVE_CYCLE: {
    en: 'A unit cannot be moved under itself or one of its own sub-units.',
    hi: 'किसी इकाई को उसी के नीचे या उसकी किसी उप-इकाई के नीचे नहीं खिसकाया जा सकता।',
  },
  WING_MISMATCH: { en: 'A unit cannot move to another wing\'s tree.', hi: 'इकाई को दूसरी शाखा के वृक्ष में नहीं खिसकाया जा सकता।' },
  RESTORE_PARENT_DELETED: {
    en: 'Restore the parent unit first: it was deleted separately.',
    hi: 'पहले मूल इकाई को बहाल करें: वह अलग से हटाई गई थी।',
  },
  UNKNOWN_WING: { en: 'Unknown wing "{wing}".', hi: 'अज्ञात शाखा "{wing}"।' },
  UNKNOWN_STATE: { en: 'Unknown state code "{code}".', hi: 'अज्ञात राज्य कोड "{code}"।' },
  WING_EXISTS: { en: 'Wing "{wing}" already exists.', hi: 'शाखा "{wing}" पहले से है।' },
  LEVEL_EXISTS: { en: 'Level "{level}" or its rank already exists.', hi: 'स्तर "{level}" या उसका क्रम पहले से है।' },
  USER_EXISTS: { en: 'User "{username}" already exists.', hi: 'उपयोगकर्ता "{username}" पहले से है।' },
  NOT_A_NUMBER: { en: 'not a number', hi: 'संख्या नहीं है' },
  CURSOR_INVALID: { en: 'The page cursor is not valid.', hi: 'पृष्ठ कर्सर मान्य नहीं है।' },
  CSV_ENCODING: {
    en: 'The file is not UTF-8 text. Save it as "CSV UTF-8" and try again.',
    hi: 'फ़ाइल UTF-8 टेक्स्ट नहीं है। इसे "CSV UTF-8" के रूप में सहेजकर फिर से प्रयास करें।',
  },
  CSV_MISSING_COLUMN: {
    en: 'Required column "{column}" is missing. Columns found: {found}',
    hi: 'आवश्यक कॉलम "{column}" नहीं है। मिले कॉलम: {found}',
  },
  CSV_EMPTY: { en: 'The file has no data rows.', hi: 'फ़ाइल में कोई डेटा पंक्ति नहीं है।' },
  CSV_ROWS_INVALID: {
    en: '{count} row(s) have errors; nothing was imported.',
    hi: '{count} पंक्तियों में त्रुटियाँ हैं; कुछ भी आयात नहीं किया गया।',
  },
  ROW_BAD_PART: { en: 'part number "{value}" is not a positive whole number', hi: 'भाग संख्या "{value}" धनात्मक पूर्णांक नहीं है' },
  ROW_BAD_AC: { en: 'AC number "{value}" is not a positive whole number', hi: 'विधानसभा संख्या "{value}" धनात्मक पूर्णांक नहीं है' },
  ROW_UNKNOWN_AC: { en: 'AC {ac} does not exist in {state}', hi: '{state} में विधानसभा {ac} मौजूद नहीं है' },
  ROW_UNKNOWN_STATE: { en: 'state "{value}" does not exist', hi: 'राज्य "{value}" मौजूद नहीं है' },
  ROW_NO_NAME: { en: 'the polling station name is empty', hi: 'मतदान केंद्र का नाम खाली है' },
  ROW_BAD_COORD: { en: '{column} "{value}" is not a valid coordinate', hi: '{column} "{value}" मान्य निर्देशांक नहीं है' },
  ROW_DUPLICATE: { en: 'part {part} of AC {ac} appears again (first on line {line})', hi: 'विधानसभा {ac} का भाग {part} दोबारा आया है (पहली बार पंक्ति {line} पर)' },
  ROW_NAME_TOO_LONG: { en: 'the name is longer than 200 characters', hi: 'नाम 200 अक्षरों से लंबा है' },
  PERSON_NOT_FOUND: { en: 'Person {id} was not found.', hi: 'व्यक्ति {id} नहीं मिला।' },
  PHONE_LENGTH: { en: '"{value}" is not a 10-digit mobile number.', hi: '"{value}" 10 अंकों का मोबाइल नंबर नहीं है।' },
  PHONE_PREFIX: {
    en: '"{value}" is not an Indian mobile number (it must start with 6, 7, 8 or 9, after +91 if given).',
    hi: '"{value}" भारतीय मोबाइल नंबर नहीं है (यह 6, 7, 8 या 9 से शुरू होना चाहिए; +91 हो तो उसके बाद)।',
  },
  PHONE_CHARACTERS: { en: '"{value}" has characters a phone number cannot have.', hi: '"{value}" में ऐसे अक्षर हैं जो फ़ोन नंबर में नहीं हो सकते।' },
  EPIC_FORMAT: {
    en: '"{value}" is not an EPIC (voter ID) number: three letters and seven digits, e.g. ABC1234567.',
    hi: '"{value}" EPIC (मतदाता पहचान पत्र) संख्या नहीं है: तीन अक्षर और सात अंक, जैसे ABC1234567।',
  },
  PHONE_TAKEN: { en: 'A person with this mobile number already exists.', hi: 'इस मोबाइल नंबर वाला व्यक्ति पहले से है।' },
  EPIC_TAKEN: { en: 'A person with this EPIC number already exists.', hi: 'इस EPIC संख्या वाला व्यक्ति पहले से है।' },
  NAME_REQUIRED: { en: 'A name in Hindi or English is required.', hi: 'हिंदी या अंग्रेज़ी में नाम आवश्यक है।' },
  PERSON_DELETED: { en: 'This person is deleted; restore them first.', hi: 'यह व्यक्ति हटाया जा चुका है; पहले बहाल करें।' },
  PERSON_NOT_DELETED: { en: 'This person is not deleted.', hi: 'यह व्यक्ति हटाया नहीं गया है।' },
  PERSON_HOLDS_POST: {
    en: 'This person holds a post; end the tenure before deleting them.',
    hi: 'यह व्यक्ति किसी पद पर है; हटाने से पहले कार्यकाल समाप्त करें।',
  },
  UNKNOWN_POST: { en: 'A {level} unit has no post "{post}".', hi: '{level} इकाई में "{post}" पद नहीं है।' },
  POST_FULL: {
    en: 'All {seats} seat(s) of {post} in this unit are filled; end or replace a tenure first.',
    hi: 'इस इकाई में {post} के सभी {seats} स्थान भरे हैं; पहले कोई कार्यकाल समाप्त करें या बदलें।',
  },
  ALREADY_HOLDS: { en: 'This person already holds this post here.', hi: 'यह व्यक्ति यहाँ पहले से इस पद पर है।' },
  DATE_IN_FUTURE: { en: 'The date {date} is in the future.', hi: 'तिथि {date} भविष्य की है।' },
  END_BEFORE_START: { en: 'The end date {end} is before the start date {start}.', hi: 'समाप्ति तिथि {end} आरंभ तिथि {start} से पहले है।' },
  TENURE_NOT_FOUND: { en: 'Tenure {id} was not found.', hi: 'कार्यकाल {id} नहीं मिला।' },
  MERGE_SELF: { en: 'A person cannot be merged into themselves.', hi: 'किसी व्यक्ति को उसी में नहीं मिलाया जा सकता।' },
  MERGE_DRIVE_CONFLICT: {
    en: 'Both records are members in the same membership drive; reject one membership first.',
    hi: 'दोनों रिकॉर्ड एक ही सदस्यता अभियान में सदस्य हैं; पहले एक सदस्यता अस्वीकार करें।',
  },
  MERGE_SAME_POST: {
    en: 'Both records hold the same post in the same unit; end one tenure first.',
    hi: 'दोनों रिकॉर्ड एक ही इकाई में एक ही पद पर हैं; पहले एक कार्यकाल समाप्त करें।',
  },
  NOT_MERGED: { en: 'This person was not merged into anyone.', hi: 'इस व्यक्ति को किसी में मिलाया नहीं गया है।' },
  TENURE_ENDED: { en: 'This tenure has already ended.', hi: 'यह कार्यकाल पहले ही समाप्त हो चुका है।' },
} as const satisfies TDictionary;

/** Every message the server sends to a person, in both languages. `{x}` is filled from params. */
const MESSAGES = { ...CORE, ...IMPORT_MESSAGES, ...MEMBERSHIP_MESSAGES, ...ELECTION_MESSAGES, ...FILE_MESSAGES, ...TRAINING_MESSAGES, ...TOUR_MESSAGES, ...DIRECTIVE_MESSAGES, ...MEETING_MESSAGES, ...ORG_HEALTH_MESSAGES, ...PROGRAMME_MESSAGES, ...POST_MESSAGES } as const;

export type TMessageKey = keyof typeof MESSAGES;
export type TParams = Record<string, string | number>;

export const t = (locale: TLocale, key: TMessageKey, params: TParams = {}): string =>
  MESSAGES[key][locale].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));

export const MESSAGE_KEYS = Object.keys(MESSAGES) as TMessageKey[];

/** Picks the language: what the client asks for (Accept-Language), else the user's setting, else English. */
export const pickLocale = (acceptLanguage: string | undefined, userLocale?: string | null): TLocale => {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('hi')) return 'hi';
  if (first.startsWith('en')) return 'en';
  return userLocale === 'hi' ? 'hi' : 'en';
};
