import type { TDictionary } from './messages';

/** Messages of the training domain, in both languages. */
export const TRAINING_MESSAGES = {
  COURSE_NOT_FOUND: { en: 'Training course {id} was not found.', hi: 'प्रशिक्षण पाठ्यक्रम {id} नहीं मिला।' },
  SESSION_NOT_FOUND: { en: 'Training session {id} was not found.', hi: 'प्रशिक्षण सत्र {id} नहीं मिला।' },
  SESSION_UNIT_OUTSIDE_COURSE: {
    en: "A session of this course must be held at the course's unit or a unit under it.",
    hi: 'इस पाठ्यक्रम का सत्र पाठ्यक्रम की इकाई या उसके नीचे की किसी इकाई में ही हो सकता है।',
  },
  SESSION_CANCELLED: { en: 'This session is cancelled.', hi: 'यह सत्र रद्द कर दिया गया है।' },
  SESSION_MODE_FIELDS: {
    en: 'An online session needs a link and an offline session needs a venue.',
    hi: 'ऑनलाइन सत्र के लिए लिंक और ऑफ़लाइन सत्र के लिए स्थान आवश्यक है।',
  },
  SESSION_FULL: {
    en: 'The session is full: {yes} of {capacity} seats are taken.',
    hi: 'सत्र भर चुका है: {capacity} में से {yes} स्थान भर चुके हैं।',
  },
  CAPACITY_BELOW_TAKEN: {
    en: 'The capacity cannot be less than the {taken} people already confirmed or present.',
    hi: 'क्षमता पहले से पुष्टि किए गए या उपस्थित {taken} लोगों से कम नहीं हो सकती।',
  },
  ATTENDANCE_OVER_CAPACITY: {
    en: '{present} people marked present, but the session seats only {capacity}.',
    hi: '{present} लोग उपस्थित दर्ज किए गए, पर सत्र में केवल {capacity} स्थान हैं।',
  },
  NOT_INVITED: {
    en: 'Person {id} is not invited to this session; invite them first.',
    hi: 'व्यक्ति {id} इस सत्र में आमंत्रित नहीं है; पहले उन्हें आमंत्रित करें।',
  },
  ATTENDANCE_BEFORE_START: {
    en: 'Attendance can be taken only once the session has started.',
    hi: 'उपस्थिति सत्र शुरू होने के बाद ही दर्ज की जा सकती है।',
  },
  DUPLICATE_MARK: { en: 'Person {id} is marked twice in one request.', hi: 'एक ही अनुरोध में व्यक्ति {id} दो बार दर्ज है।' },
  TOO_MANY_INVITEES: {
    en: 'This would invite {count} people; at most {max} can be invited to one session.',
    hi: 'इससे {count} लोग आमंत्रित होंगे; एक सत्र में अधिकतम {max} लोग आमंत्रित हो सकते हैं।',
  },
  RSVP_CLOSED: {
    en: 'The session started at {startsAt}; answers are closed.',
    hi: 'सत्र {startsAt} पर शुरू हो चुका है; अब उत्तर नहीं दिया जा सकता।',
  },
  START_TOO_FAR: {
    en: 'The date {date} is too far from today (more than 5 years).',
    hi: 'तिथि {date} आज से बहुत दूर है (5 वर्ष से अधिक)।',
  },
} as const satisfies TDictionary;
