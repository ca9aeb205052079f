import type { TDictionary } from './messages';

/** Messages of post templates and post history, in both languages. */
export const POST_MESSAGES = {
  UNKNOWN_LEVEL: { en: 'There is no level "{level}".', hi: '"{level}" नाम का कोई स्तर नहीं है।' },
  TEMPLATE_WING_NOT_FOUND: { en: 'There is no wing "{wing}".', hi: '"{wing}" नाम का कोई मोर्चा नहीं है।' },
  TEMPLATE_NO_WING_OWN: {
    en: 'The {wing} wing has no template of its own for the {level} level: it already follows the default.',
    hi: '{wing} मोर्चे का {level} स्तर के लिए अपना कोई ढाँचा नहीं है: वह पहले से डिफ़ॉल्ट ढाँचे पर चलता है।',
  },
  TEMPLATE_MAIN_IS_DEFAULT: {
    en: 'The main wing always follows the default template; edit the default instead.',
    hi: 'मुख्य संगठन हमेशा डिफ़ॉल्ट ढाँचे पर चलता है; डिफ़ॉल्ट ढाँचा ही बदलें।',
  },
  TEMPLATE_POST_IN_USE: {
    en: 'The post "{post}" cannot be removed from the {level} template: {count} current office bearer(s) hold it (e.g. in unit {unitId}). End those tenures first.',
    hi: '{level} ढाँचे से "{post}" पद नहीं हटाया जा सकता: {count} वर्तमान पदाधिकारी इस पद पर हैं (जैसे इकाई {unitId} में)। पहले वे कार्यकाल समाप्त करें।',
  },
  TEMPLATE_SEATS_IN_USE: {
    en: 'The post "{post}" cannot have at most {max}: unit {unitId} has {held} current holders. End some tenures first.',
    hi: '"{post}" पद के लिए अधिकतम {max} नहीं हो सकता: इकाई {unitId} में इस पद पर {held} वर्तमान पदाधिकारी हैं। पहले कुछ कार्यकाल समाप्त करें।',
  },
  TEMPLATE_KEY_RESERVED: {
    en: 'The post key "{post}" is kept for programme in-charges; choose another key.',
    hi: '"{post}" पद-कुंजी कार्यक्रम प्रभारियों के लिए सुरक्षित है; कोई दूसरी कुंजी चुनें।',
  },
} as const satisfies TDictionary;
