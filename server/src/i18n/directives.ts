import type { TDictionary } from './messages';

/** Messages of directives, assignments, circulars and notifications, in both languages. */
export const DIRECTIVE_MESSAGES = {
  DIRECTIVE_NOT_FOUND: { en: 'Directive {id} was not found.', hi: 'निर्देश {id} नहीं मिला।' },
  ASSIGNMENT_NOT_FOUND: { en: 'Assignment {id} was not found.', hi: 'कार्य {id} नहीं मिला।' },
  CIRCULAR_NOT_FOUND: { en: 'Circular {id} was not found.', hi: 'परिपत्र {id} नहीं मिला।' },
  RECEIPT_NOT_FOUND: { en: 'Receipt {id} was not found.', hi: 'प्राप्ति {id} नहीं मिली।' },
  NOTIFICATION_NOT_FOUND: { en: 'Notification {id} was not found.', hi: 'सूचना {id} नहीं मिली।' },
  USER_NOT_FOUND: { en: 'User {id} was not found.', hi: 'उपयोगकर्ता {id} नहीं मिला।' },
  DIRECTIVE_MEETING_NOT_FOUND: { en: 'Meeting {id} was not found.', hi: 'बैठक {id} नहीं मिली।' },
  DIRECTIVE_MEETING_OTHER_UNIT: {
    en: 'Meeting {id} belongs to another unit: a directive from a meeting is issued by the meeting\'s own unit.',
    hi: 'बैठक {id} किसी दूसरी इकाई की है: बैठक से निकला निर्देश उसी बैठक की इकाई जारी करती है।',
  },
  DUE_DATE_PAST: {
    en: 'The due date {date} is in the past (today is {today}). Choose today or a later date.',
    hi: 'नियत तिथि {date} बीत चुकी है (आज {today} है)। आज या आगे की तिथि चुनें।',
  },
  TARGET_OUTSIDE_ISSUER: {
    en: 'Unit {id} is not under the issuing unit: a directive goes only to the issuing unit or units below it.',
    hi: 'इकाई {id} जारी करने वाली इकाई के नीचे नहीं है: निर्देश केवल उसी इकाई या उसके नीचे की इकाइयों को जाता है।',
  },
  CASCADE_UNKNOWN_LEVEL: { en: 'There is no level "{level}".', hi: '"{level}" नाम का कोई स्तर नहीं है।' },
  CASCADE_LEVEL_NOT_BELOW: {
    en: 'A cascade from a {issuerLevel} unit can only go to levels below it, not to "{level}".',
    hi: '{issuerLevel} इकाई से निर्देश केवल उससे नीचे के स्तरों को जा सकता है, "{level}" को नहीं।',
  },
  CASCADE_EMPTY: {
    en: 'There are no {level} units under the issuing unit to send this directive to.',
    hi: 'जारी करने वाली इकाई के नीचे कोई {level} इकाई नहीं है जिसे यह निर्देश भेजा जा सके।',
  },
  DIRECTIVE_UNKNOWN_POST: { en: 'A {level} unit has no post "{post}".', hi: '{level} इकाई में "{post}" पद नहीं है।' },
  JOBS_UNAVAILABLE: {
    en: 'This directive reaches {total} units and must be built in the background, but the job queue is not running here.',
    hi: 'यह निर्देश {total} इकाइयों तक जाता है और पृष्ठभूमि में बनना चाहिए, पर यहाँ कार्य-कतार नहीं चल रही है।',
  },
  DIRECTIVE_JOB_FAILED: {
    en: 'The directive could not be created; nothing was saved. Please try again.',
    hi: 'निर्देश नहीं बन सका; कुछ भी सहेजा नहीं गया। कृपया दोबारा प्रयास करें।',
  },
  ASSIGNMENT_BAD_TRANSITION: {
    en: 'An assignment that is "{from}" cannot be marked "{to}".',
    hi: '"{from}" स्थिति वाले कार्य को "{to}" नहीं किया जा सकता।',
  },
  ASSIGNMENT_NOT_ADDRESSEE: {
    en: 'Only the person this assignment is addressed to may act on it (or an admin of the unit when the post is vacant).',
    hi: 'इस कार्य पर केवल वही व्यक्ति कार्रवाई कर सकता है जिसे यह सौंपा गया है (पद रिक्त हो तो इकाई का व्यवस्थापक)।',
  },
  ROLLUP_UNIT_NOT_REACHED: {
    en: 'Unit {id} is not reached by this item, so it has no roll-up.',
    hi: 'इकाई {id} तक यह नहीं पहुँचा, इसलिए उसका सारांश नहीं है।',
  },
  PERSON_ALREADY_LINKED: {
    en: 'This person is already the login "{username}". A person can be one login only.',
    hi: 'यह व्यक्ति पहले से लॉगिन "{username}" है। एक व्यक्ति का एक ही लॉगिन हो सकता है।',
  },
  ASSIGNMENT_PHOTOS_FULL: {
    en: 'A report can hold at most {max} photos: remove one first.',
    hi: 'एक रिपोर्ट में अधिकतम {max} फ़ोटो हो सकती हैं: पहले एक हटाएँ।',
  },
  CIRCULAR_FILES_FULL: {
    en: 'A circular can hold at most {max} attachments.',
    hi: 'एक परिपत्र में अधिकतम {max} संलग्नक हो सकते हैं।',
  },
  RECEIPT_ALREADY_ACKNOWLEDGED: { en: 'This circular was already acknowledged.', hi: 'इस परिपत्र की पावती पहले ही दी जा चुकी है।' },
  SMS_NEW_ASSIGNMENT: { en: 'Samiti: new directive from {unit}, due {due}: {text}', hi: 'समिति: {unit} से नया निर्देश, नियत तिथि {due}: {text}' },
  SMS_DUE_SOON: { en: 'Samiti reminder: due {due}: {text}', hi: 'समिति अनुस्मारक: नियत तिथि {due}: {text}' },
  SMS_OVERDUE: { en: 'Samiti: overdue since {due}: {text}', hi: 'समिति: {due} से लंबित: {text}' },
} as const satisfies TDictionary;
