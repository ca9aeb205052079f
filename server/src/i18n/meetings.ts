import type { TDictionary } from './messages';

/** Messages of meetings, attendance, minutes and resolutions, and the words of their printed sheets. */
export const MEETING_MESSAGES = {
  MEETING_NOT_FOUND: { en: 'Meeting {id} was not found.', hi: 'बैठक {id} नहीं मिली।' },
  MEETING_PLANNED_IN_PAST: {
    en: 'A planned meeting must start in the future. To record a meeting that already took place, create it as held.',
    hi: 'नियोजित बैठक का समय भविष्य में होना चाहिए। जो बैठक हो चुकी है उसे "संपन्न" के रूप में दर्ज करें।',
  },
  MEETING_HELD_IN_FUTURE: {
    en: 'A meeting cannot be marked held before the day it starts ({startsAt}).',
    hi: 'बैठक को उसके दिन ({startsAt}) से पहले संपन्न नहीं माना जा सकता।',
  },
  MEETING_NOT_PLANNED: {
    en: 'The invitee list can only be rebuilt while the meeting is planned.',
    hi: 'आमंत्रितों की सूची केवल नियोजित बैठक में दोबारा बनाई जा सकती है।',
  },
  MEETING_NOT_HELD: {
    en: 'Mark the meeting held first: minutes and resolutions belong to a held meeting.',
    hi: 'पहले बैठक को संपन्न चिह्नित करें: कार्यवृत्त और प्रस्ताव संपन्न बैठक के होते हैं।',
  },
  MEETING_LOCKED: {
    en: 'The minutes of this meeting are approved: its attendance, minutes and resolutions can no longer be changed.',
    hi: 'इस बैठक का कार्यवृत्त स्वीकृत हो चुका है: अब इसकी उपस्थिति, कार्यवृत्त और प्रस्ताव नहीं बदले जा सकते।',
  },
  MEETING_CANCELLED: { en: 'This meeting was cancelled.', hi: 'यह बैठक रद्द कर दी गई थी।' },
  MEETING_BAD_MOVE: {
    en: 'This status change is not allowed: a meeting goes from planned to held to minutes approved, or from planned to cancelled.',
    hi: 'स्थिति में यह बदलाव संभव नहीं है: बैठक नियोजित से संपन्न और फिर कार्यवृत्त स्वीकृत होती है, या नियोजित से रद्द।',
  },
  MEETING_RANGE: { en: 'The "to" date {to} is before the "from" date {from}.', hi: '"तक" की तिथि {to}, "से" की तिथि {from} से पहले है।' },
  MEETING_MINUTES_EMPTY: {
    en: 'Write the minutes before approving them.',
    hi: 'स्वीकृति से पहले कार्यवृत्त लिखें।',
  },
  MEETING_TOO_MANY_INVITEES: {
    en: 'These rules invite {count} people; a meeting may have at most {max}. Narrow the levels or posts.',
    hi: 'इन नियमों से {count} लोग आमंत्रित होते हैं; एक बैठक में अधिकतम {max} हो सकते हैं। स्तर या पद सीमित करें।',
  },
  MEETING_RULE_LEVEL: {
    en: 'Level "{level}" is not below this {unitLevel} unit, so it has no such sub-units.',
    hi: 'स्तर "{level}" इस {unitLevel} इकाई से नीचे नहीं है, इसलिए ऐसी कोई उप-इकाई नहीं है।',
  },
  MEETING_RULE_POST: { en: 'No level has a post "{post}".', hi: 'किसी भी स्तर में "{post}" पद नहीं है।' },
  MEETING_VENUE_UNIT: { en: 'Venue unit {id} was not found.', hi: 'स्थान इकाई {id} नहीं मिली।' },
  MEETING_ATTENDANCE_STARTED: {
    en: 'Attendance has already been taken, so the invitee list can no longer be rebuilt; add latecomers as walk-ins.',
    hi: 'उपस्थिति ली जा चुकी है, इसलिए आमंत्रितों की सूची दोबारा नहीं बनाई जा सकती; देर से आने वालों को बिना आमंत्रण आए व्यक्ति के रूप में जोड़ें।',
  },
  MEETING_NOT_INVITED: {
    en: '{name} was not invited. Mark them as a walk-in to record their attendance.',
    hi: '{name} आमंत्रित नहीं थे। उनकी उपस्थिति दर्ज करने के लिए उन्हें बिना आमंत्रण आए व्यक्ति चिह्नित करें।',
  },
  MEETING_DUPLICATE_ENTRY: {
    en: 'Person {id} appears twice in this attendance list.',
    hi: 'व्यक्ति {id} इस उपस्थिति सूची में दो बार है।',
  },
  RESOLUTION_NOT_FOUND: { en: 'Resolution {id} was not found.', hi: 'प्रस्ताव {id} नहीं मिला।' },
  RESOLUTION_WITHDRAWN: { en: 'This resolution has been withdrawn.', hi: 'यह प्रस्ताव वापस लिया जा चुका है।' },

  // Printed sheets
  PDF_ATTENDANCE_SHEET: { en: 'Attendance sheet', hi: 'उपस्थिति पत्रक' },
  PDF_MINUTES: { en: 'Minutes', hi: 'कार्यवृत्त' },
  PDF_RESOLUTIONS: { en: 'Resolutions', hi: 'प्रस्ताव' },
  PDF_ATTENDANCE: { en: 'Attendance', hi: 'उपस्थिति' },
  PDF_AGENDA: { en: 'Agenda', hi: 'कार्यसूची' },
  PDF_SERIAL: { en: 'No.', hi: 'क्रम' },
  PDF_NAME: { en: 'Name', hi: 'नाम' },
  PDF_POST: { en: 'Post', hi: 'पद' },
  PDF_UNIT: { en: 'Unit', hi: 'इकाई' },
  PDF_PHONE: { en: 'Mobile', hi: 'मोबाइल' },
  PDF_SIGNATURE: { en: 'Signature', hi: 'हस्ताक्षर' },
  PDF_STATUS: { en: 'Attendance', hi: 'उपस्थिति' },
  PDF_WHEN: { en: 'Date and time', hi: 'दिनांक और समय' },
  PDF_VENUE: { en: 'Venue', hi: 'स्थान' },
  PDF_CHAIR: { en: 'Chair', hi: 'अध्यक्षता' },
  PDF_ORGANISER: { en: 'Organiser', hi: 'आयोजक' },
  PDF_INVITED_AS_INDIVIDUAL: { en: 'Invited individually', hi: 'व्यक्तिगत आमंत्रण' },
  PDF_WALK_IN: { en: 'Walk-in', hi: 'बिना आमंत्रण' },
  PDF_COUNTS: {
    en: 'Invited {invited} · present {present} · absent {absent} · excused {excused} · not marked {unmarked} · walk-ins {walkIns}',
    hi: 'आमंत्रित {invited} · उपस्थित {present} · अनुपस्थित {absent} · अवकाश {excused} · दर्ज नहीं {unmarked} · बिना आमंत्रण {walkIns}',
  },
  PDF_NO_MINUTES: { en: 'No minutes were written.', hi: 'कोई कार्यवृत्त नहीं लिखा गया।' },
  PDF_NO_RESOLUTIONS: { en: 'No resolutions.', hi: 'कोई प्रस्ताव नहीं।' },
  PDF_WITHDRAWN: { en: 'Withdrawn: {reason}', hi: 'वापस लिया गया: {reason}' },
  PDF_APPROVED: { en: 'Minutes approved on {date}', hi: 'कार्यवृत्त {date} को स्वीकृत' },
  PDF_DRAFT: { en: 'Draft: the minutes are not approved yet', hi: 'मसौदा: कार्यवृत्त अभी स्वीकृत नहीं है' },
  MEETING_TYPE_REVIEW: { en: 'Review meeting', hi: 'समीक्षा बैठक' },
  MEETING_TYPE_EXECUTIVE: { en: 'Executive meeting', hi: 'कार्यकारिणी बैठक' },
  MEETING_TYPE_WORKERS_CONFERENCE: { en: "Workers' conference", hi: 'कार्यकर्ता सम्मेलन' },
  MEETING_TYPE_TRAINING: { en: 'Training', hi: 'प्रशिक्षण' },
  MEETING_TYPE_OTHER: { en: 'Meeting', hi: 'बैठक' },
  MEETING_STATUS_PLANNED: { en: 'planned', hi: 'नियोजित' },
  MEETING_STATUS_HELD: { en: 'held', hi: 'संपन्न' },
  MEETING_STATUS_MINUTES_APPROVED: { en: 'minutes approved', hi: 'कार्यवृत्त स्वीकृत' },
  MEETING_STATUS_CANCELLED: { en: 'cancelled', hi: 'रद्द' },
  ATTENDANCE_PRESENT: { en: 'Present', hi: 'उपस्थित' },
  ATTENDANCE_ABSENT: { en: 'Absent', hi: 'अनुपस्थित' },
  ATTENDANCE_EXCUSED: { en: 'Excused', hi: 'अवकाश' },
  ATTENDANCE_UNMARKED: { en: 'Not marked', hi: 'दर्ज नहीं' },
} as const satisfies TDictionary;
