import type { TDictionary } from './messages';

/** Messages of the membership domain, in both languages. */
export const MEMBERSHIP_MESSAGES = {
  DRIVE_NOT_FOUND: { en: 'Membership drive {id} was not found.', hi: 'सदस्यता अभियान {id} नहीं मिला।' },
  MEMBERSHIP_NOT_FOUND: { en: 'Membership {id} was not found.', hi: 'सदस्यता {id} नहीं मिली।' },
  UNIT_NOT_IN_DRIVE: {
    en: 'Unit {id} is not in the area of this drive.',
    hi: 'इकाई {id} इस सदस्यता अभियान के क्षेत्र में नहीं है।',
  },
  DRIVE_NOT_OPEN: {
    en: 'This drive takes enrolments from {start} to {end}.',
    hi: 'इस अभियान में सदस्य {start} से {end} तक ही जोड़े जा सकते हैं।',
  },
  SELF_ENROL_CLOSED: {
    en: 'This drive does not take self-enrolment; please contact your local unit.',
    hi: 'इस अभियान में स्वयं सदस्य बनने की सुविधा नहीं है; कृपया अपनी स्थानीय इकाई से संपर्क करें।',
  },
  SELF_ENROL_UNIT: {
    en: 'Choose your booth (the lowest unit), not unit {id}.',
    hi: 'इकाई {id} नहीं, अपना बूथ (सबसे निचली इकाई) चुनें।',
  },
  ALREADY_ENROLLED: {
    en: 'This person is already a member in this drive.',
    hi: 'यह व्यक्ति इस अभियान में पहले से सदस्य है।',
  },
  CONTACT_MISMATCH: {
    en: 'This mobile number and this EPIC belong to two different people.',
    hi: 'यह मोबाइल नंबर और यह EPIC संख्या दो अलग-अलग व्यक्तियों की हैं।',
  },
  MEMBERSHIP_ALREADY_VERIFIED: {
    en: 'This membership is already verified; only a pending one can be verified or rejected.',
    hi: 'यह सदस्यता पहले ही सत्यापित है; केवल लंबित सदस्यता सत्यापित या अस्वीकार की जा सकती है।',
  },
  MEMBERSHIP_ALREADY_REJECTED: {
    en: 'This membership was rejected; only a pending one can be verified or rejected.',
    hi: 'यह सदस्यता अस्वीकार की जा चुकी है; केवल लंबित सदस्यता सत्यापित या अस्वीकार की जा सकती है।',
  },
  TARGET_NO_CHILDREN: {
    en: 'Unit {id} has no sub-units to divide the target among.',
    hi: 'इकाई {id} की कोई उप-इकाई नहीं है जिनमें लक्ष्य बाँटा जा सके।',
  },
  TARGET_DUPLICATE_UNIT: {
    en: 'Unit {id} appears more than once in the targets.',
    hi: 'लक्ष्यों में इकाई {id} एक से अधिक बार है।',
  },
  OTP_RATE_LIMITED: {
    en: 'Too many codes were sent to this number: at most {max} in {minutes} minutes. Please wait and try again.',
    hi: 'इस नंबर पर बहुत अधिक कोड भेजे जा चुके हैं: {minutes} मिनट में अधिकतम {max}। कृपया थोड़ी देर बाद फिर प्रयास करें।',
  },
  OTP_WRONG: {
    en: 'The code is wrong. {left} attempt(s) left.',
    hi: 'कोड गलत है। {left} प्रयास शेष।',
  },
  OTP_EXPIRED: {
    en: 'There is no valid code for this number: it has expired, been used, or was never sent. Ask for a new code.',
    hi: 'इस नंबर के लिए कोई मान्य कोड नहीं है: वह समाप्त हो गया, उपयोग हो चुका, या भेजा ही नहीं गया। नया कोड मँगाएँ।',
  },
  OTP_TOO_MANY_ATTEMPTS: {
    en: 'Too many wrong codes. Ask for a new code.',
    hi: 'बहुत बार गलत कोड डाला गया। नया कोड मँगाएँ।',
  },
  SMS_OTP_BODY: {
    en: '{code} is your code to join {drive}. It is valid for {minutes} minutes. Do not share it.',
    hi: '{drive} में सदस्य बनने के लिए आपका कोड {code} है। यह {minutes} मिनट तक मान्य है। इसे किसी को न बताएँ।',
  },
} as const satisfies TDictionary;
