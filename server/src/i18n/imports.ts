import type { TDictionary } from './messages';

/** Messages of spreadsheet imports and exports, in both languages. */
export const IMPORT_MESSAGES = {
  SHEET_UNREADABLE: {
    en: 'The file could not be read as CSV or XLSX.',
    hi: 'फ़ाइल को CSV या XLSX के रूप में पढ़ा नहीं जा सका।',
  },
  SHEET_TOO_MANY_ROWS: {
    en: 'The sheet has {rows} rows; an import takes at most {max}. Split the file.',
    hi: 'शीट में {rows} पंक्तियाँ हैं; एक आयात में अधिकतम {max} हो सकती हैं। फ़ाइल को बाँटें।',
  },
  SHEET_FORMULA: {
    en: 'Cell {cell} holds a formula. Paste values only (Paste Special → Values) and try again.',
    hi: 'सेल {cell} में सूत्र (फ़ॉर्मूला) है। केवल मान चिपकाएँ (Paste Special → Values) और फिर प्रयास करें।',
  },
  SHEET_MERGED_HEADER: {
    en: 'The header row has merged cells. Give every column its own heading.',
    hi: 'शीर्ष पंक्ति में मर्ज किए गए सेल हैं। हर कॉलम का अपना शीर्षक दें।',
  },
  IMPORT_MISSING_COLUMN: {
    en: 'No column for {column}. Accepted headings: {accepted}. Found: {found}',
    hi: '{column} का कोई कॉलम नहीं है। स्वीकृत शीर्षक: {accepted}। मिले: {found}',
  },
  IMPORT_ROWS_INVALID: {
    en: '{count} row(s) have errors; nothing was imported.',
    hi: '{count} पंक्तियों में त्रुटियाँ हैं; कुछ भी आयात नहीं किया गया।',
  },
  IMPORT_NOT_FOUND: { en: 'Import {id} was not found.', hi: 'आयात {id} नहीं मिला।' },
  R_UNIT_MISSING: {
    en: 'no unit: give a unit id, a booth code (S24-AC-14-PS-41) or AC and part numbers',
    hi: 'इकाई नहीं: इकाई आईडी, बूथ कोड (S24-AC-14-PS-41) या विधानसभा और भाग संख्या दें',
  },
  R_UNIT_UNKNOWN: { en: 'unit "{value}" was not found in your area', hi: 'इकाई "{value}" आपके क्षेत्र में नहीं मिली' },
  R_BOOTH_UNKNOWN: {
    en: 'no booth unit for AC {ac}, part {part} in your area',
    hi: 'आपके क्षेत्र में विधानसभा {ac}, भाग {part} की कोई बूथ इकाई नहीं है',
  },
  R_POST_UNKNOWN: { en: 'post "{value}" does not exist for a {level} unit', hi: '{level} इकाई में "{value}" पद नहीं है' },
  R_POST_FULL: {
    en: 'post "{post}" of this unit has {seats} seat(s) and would get {count} holders',
    hi: 'इस इकाई के "{post}" पद में {seats} स्थान हैं, पर {count} पदाधिकारी हो जाएँगे',
  },
  R_NAME_MISSING: { en: 'the name is empty', hi: 'नाम खाली है' },
  R_NAME_LONG: { en: 'the name is longer than 200 characters', hi: 'नाम 200 अक्षरों से लंबा है' },
  R_PHONE: { en: 'mobile "{value}" is not a valid Indian mobile number', hi: 'मोबाइल "{value}" मान्य भारतीय मोबाइल नंबर नहीं है' },
  R_EPIC: { en: 'EPIC "{value}" is not three letters and seven digits', hi: 'EPIC "{value}" तीन अक्षर और सात अंक नहीं है' },
  R_GENDER: { en: 'gender "{value}" is not one of male, female, other', hi: 'लिंग "{value}" पुरुष, महिला या अन्य नहीं है' },
  R_BIRTH_YEAR: { en: 'birth year "{value}" is not a year between 1900 and 2030', hi: 'जन्म वर्ष "{value}" 1900 और 2030 के बीच का वर्ष नहीं है' },
  R_DATE: { en: 'date "{value}" is not a date (use YYYY-MM-DD or DD/MM/YYYY)', hi: 'तिथि "{value}" मान्य नहीं है (YYYY-MM-DD या DD/MM/YYYY लिखें)' },
  R_DATE_FUTURE: { en: 'date {value} is in the future', hi: 'तिथि {value} भविष्य की है' },
  R_CONTACT_SPLIT: {
    en: 'the mobile belongs to person {a} but the EPIC to person {b}',
    hi: 'मोबाइल व्यक्ति {a} का है पर EPIC व्यक्ति {b} का',
  },
  R_SAME_PHONE_OTHER_EPIC: {
    en: 'mobile {phone} appears on line {line} with another EPIC',
    hi: 'मोबाइल {phone} पंक्ति {line} पर किसी और EPIC के साथ आया है',
  },
  R_PERSON_DELETED: { en: 'this mobile belongs to a deleted person; restore them first', hi: 'यह मोबाइल हटाए गए व्यक्ति का है; पहले उन्हें बहाल करें' },
  R_UNIT_OUTSIDE_DRIVE: {
    en: 'unit {unit} is not in the area of this drive',
    hi: 'इकाई {unit} इस सदस्यता अभियान के क्षेत्र में नहीं है',
  },
  R_ENROLLER_PHONE: {
    en: 'enroller mobile "{value}" is not a valid Indian mobile number',
    hi: 'सदस्य बनाने वाले का मोबाइल "{value}" मान्य भारतीय मोबाइल नंबर नहीं है',
  },
  R_ENROLLER_UNKNOWN: {
    en: 'no person with mobile {value} in your area or in this file to credit as the enroller',
    hi: 'मोबाइल {value} वाला कोई व्यक्ति आपके क्षेत्र में या इस फ़ाइल में नहीं है, जिसे सदस्य बनाने का श्रेय दिया जा सके',
  },
  R_STATUS: { en: 'status "{value}" is not pending or verified', hi: 'स्थिति "{value}" लंबित या सत्यापित नहीं है' },
  R_METHOD: { en: 'verification "{value}" is not OTP or EPIC', hi: 'सत्यापन "{value}" ओटीपी या EPIC नहीं है' },
  R_METHOD_PHOTO: {
    en: 'verification by photo needs the photo on file: import the member as pending and verify them on their page',
    hi: 'फ़ोटो से सत्यापन के लिए फ़ोटो दर्ज होनी चाहिए: सदस्य को लंबित के रूप में आयात करें और उनके पेज पर सत्यापित करें',
  },
  R_METHOD_NEEDED: {
    en: 'a verified member needs how they were verified (OTP or EPIC) or an EPIC number',
    hi: 'सत्यापित सदस्य के लिए सत्यापन का तरीका (ओटीपी या EPIC) या EPIC संख्या दें',
  },
  R_DATE_OUTSIDE_DRIVE: {
    en: 'enrolment date {value} is outside the drive ({start} to {end})',
    hi: 'सदस्यता तिथि {value} अभियान की अवधि ({start} से {end}) से बाहर है',
  },
  IMPORT_DRIVE_REQUIRED: { en: 'Say which membership drive to import into (driveId=…).', hi: 'बताएँ कि किस सदस्यता अभियान में आयात करना है (driveId=…)।' },
  EXPORT_TOO_LARGE: {
    en: 'More than {max} rows: export a smaller unit.',
    hi: '{max} से अधिक पंक्तियाँ: किसी छोटी इकाई का निर्यात करें।',
  },
  EXPORT_NEEDS_DRIVE: { en: 'Say which membership drive (drive=…).', hi: 'बताएँ कि कौन-सा सदस्यता अभियान (drive=…)।' },
} as const satisfies TDictionary;
