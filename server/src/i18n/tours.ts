import type { TDictionary } from './messages';

/** Messages of the tours domain, in both languages. */
export const TOUR_MESSAGES = {
  TOUR_NOT_FOUND: { en: 'Tour {id} was not found.', hi: 'प्रवास {id} नहीं मिला।' },
  STOP_NOT_FOUND: { en: 'Tour stop {id} was not found.', hi: 'प्रवास पड़ाव {id} नहीं मिला।' },
  MEETING_NOT_FOUND: { en: 'Meeting {id} was not found.', hi: 'बैठक {id} नहीं मिली।' },
  TOUR_CANCELLED: { en: 'This tour is cancelled.', hi: 'यह प्रवास रद्द कर दिया गया है।' },
  STOP_CANCELLED: { en: 'This stop is cancelled.', hi: 'यह पड़ाव रद्द कर दिया गया है।' },
  STOP_PROGRAMME_CANCELLED: {
    en: 'That programme event is cancelled; a stop cannot visit it.',
    hi: 'वह कार्यक्रम आयोजन रद्द है; पड़ाव उससे नहीं जोड़ा जा सकता।',
  },
  STOP_PROGRAMME_ELSEWHERE: {
    en: "That programme event is not at the stop's unit, above it or below it.",
    hi: 'वह कार्यक्रम आयोजन पड़ाव की इकाई, उसके ऊपर या उसके नीचे की इकाई का नहीं है।',
  },
  STOP_OUTSIDE_TOUR: {
    en: "The stop ({date}) is outside the tour's dates, {start} to {end}.",
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
  STOP_PHOTOS_FULL: { en: 'A stop can have at most {max} photos.', hi: 'एक पड़ाव की अधिकतम {max} तस्वीरें हो सकती हैं।' },
  STOP_PHOTO_NOT_FOUND: { en: "Photo {id} is not one of this stop's photos.", hi: 'तस्वीर {id} इस पड़ाव की तस्वीरों में नहीं है।' },
  REPORT_BEFORE_STOP: {
    en: 'A stop can be reported only once it has started.',
    hi: 'पड़ाव की रिपोर्ट उसके शुरू होने के बाद ही दी जा सकती है।',
  },
  TOUR_PURPOSE_MEETING: { en: 'Meeting', hi: 'बैठक' },
  TOUR_PURPOSE_PROGRAMME: { en: 'Programme', hi: 'कार्यक्रम' },
  TOUR_PURPOSE_RALLY: { en: 'Rally', hi: 'रैली' },
  TOUR_PURPOSE_REVIEW: { en: 'Review', hi: 'समीक्षा' },
  TOUR_PURPOSE_OTHER: { en: 'Other', hi: 'अन्य' },
  TOUR_PDF_ITINERARY: { en: 'Tour itinerary', hi: 'प्रवास कार्यक्रम' },
  TOUR_PDF_LEADER: { en: 'Leader: {name}', hi: 'नेता: {name}' },
  TOUR_PDF_DATES: { en: '{start} to {end} · organised by {unit}', hi: '{start} से {end} · आयोजक: {unit}' },
  TOUR_PDF_WHEN: { en: 'Date and time', hi: 'दिनांक और समय' },
  TOUR_PDF_PLACE: { en: 'Place', hi: 'स्थान' },
  TOUR_PDF_PURPOSE: { en: 'Purpose', hi: 'उद्देश्य' },
  TOUR_PDF_COORDINATOR: { en: 'Local coordinator', hi: 'स्थानीय संयोजक' },
  TOUR_PDF_NOTES: { en: 'Notes', hi: 'टिप्पणी' },
  TOUR_PDF_NO_STOPS: { en: 'No stops planned yet.', hi: 'अभी कोई पड़ाव तय नहीं है।' },
  TOUR_PDF_CANCELLED: { en: 'Cancelled', hi: 'रद्द' },
  TOUR_PDF_HIDDEN: { en: '{count} more stop(s) outside your area are not shown.', hi: 'आपके क्षेत्र के बाहर के {count} और पड़ाव नहीं दिखाए गए हैं।' },
  TOUR_ICS_COORDINATOR: { en: 'Coordinator: {name} {phone}', hi: 'संयोजक: {name} {phone}' },
} as const satisfies TDictionary;
