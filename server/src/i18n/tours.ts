import type { TDictionary } from './messages';

/** Messages of the tours domain, in both languages. */
export const TOUR_MESSAGES = {
  TOUR_NOT_FOUND: { en: 'Tour {id} was not found.', hi: 'प्रवास {id} नहीं मिला।' },
  STOP_NOT_FOUND: { en: 'Tour stop {id} was not found.', hi: 'प्रवास पड़ाव {id} नहीं मिला।' },
  MEETING_NOT_FOUND: { en: 'Meeting {id} was not found.', hi: 'बैठक {id} नहीं मिली।' },
  TOUR_CANCELLED: { en: 'This tour is cancelled.', hi: 'यह प्रवास रद्द कर दिया गया है।' },
  STOP_CANCELLED: { en: 'This stop is cancelled.', hi: 'यह पड़ाव रद्द कर दिया गया है।' },
  STOP_OUTSIDE_TOUR: {
    en: 'The stop ({date}) is outside the tour\'s dates, {start} to {end}.',
    hi: 'पड़ाव ({date}) प्रवास की तिथियों {start} से {end} के बाहर है।',
  },
  TOUR_DATES_EXCLUDE_STOPS: {
    en: '{count} stop(s) would fall outside the new dates {start} to {end}; move them first.',
    hi: '{count} पड़ाव नई तिथियों {start} से {end} के बाहर हो जाएँगे; पहले उन्हें बदलें।',
  },
  STOP_TOO_LONG: { en: 'A stop can last at most 24 hours.', hi: 'एक पड़ाव अधिकतम 24 घंटे का हो सकता है।' },
  TOUR_TOO_LONG: { en: 'A tour can last at most a year.', hi: 'एक प्रवास अधिकतम एक वर्ष का हो सकता है।' },
  STOP_CONFLICTS: {
    en: 'The leader cannot be at this stop as planned: {count} conflict(s) with other stops. Change the time, or confirm to save it anyway.',
    hi: 'नेता इस पड़ाव पर तय समय पर नहीं पहुँच सकते: अन्य पड़ावों से {count} टकराव। समय बदलें, या फिर भी सहेजने के लिए पुष्टि करें।',
  },
  REPORT_BEFORE_STOP: {
    en: 'A stop can be reported only once it has started.',
    hi: 'पड़ाव की रिपोर्ट उसके शुरू होने के बाद ही दी जा सकती है।',
  },
} as const satisfies TDictionary;
