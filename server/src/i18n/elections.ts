import type { TDictionary } from './messages';

/** Messages of the elections domain, in both languages. */
export const ELECTION_MESSAGES = {
  ELECTION_NOT_FOUND: { en: 'Election {id} was not found.', hi: 'चुनाव {id} नहीं मिला।' },
  SEAT_NOT_FOUND: { en: 'Seat {id} was not found.', hi: 'सीट {id} नहीं मिली।' },
  ASPIRANT_NOT_FOUND: { en: 'Aspirant {id} was not found.', hi: 'दावेदार {id} नहीं मिला।' },
  CRITERION_NOT_FOUND: { en: 'Screening criterion {id} is not one of this election’s.', hi: 'छानबीन मानदंड {id} इस चुनाव का नहीं है।' },
  ELECTION_STATE_REQUIRED: { en: 'A {type} election needs a state.', hi: '{type} चुनाव के लिए प्रदेश आवश्यक है।' },
  ELECTION_STATE_NOT_ALLOWED: { en: 'A Lok Sabha election is national; leave out the state.', hi: 'लोकसभा चुनाव राष्ट्रीय होता है; प्रदेश न दें।' },
  ELECTION_UNIT_REQUIRED: {
    en: 'A local-body election needs the unit that runs it.',
    hi: 'स्थानीय निकाय चुनाव के लिए उसे चलाने वाली इकाई आवश्यक है।',
  },
  ELECTION_UNIT_NOT_ALLOWED: {
    en: 'Lok Sabha and Vidhan Sabha seats come from the geography; leave out the unit.',
    hi: 'लोकसभा और विधानसभा की सीटें भूगोल से आती हैं; इकाई न दें।',
  },
  ELECTION_EXISTS: { en: 'There is already a {type} election for {year} here.', hi: 'यहाँ {year} का {type} चुनाव पहले से है।' },
  ELECTION_DATES: { en: 'The counting date is before the poll date.', hi: 'मतगणना की तिथि मतदान की तिथि से पहले है।' },
  UNKNOWN_STATE: { en: 'State "{code}" does not exist.', hi: 'प्रदेश "{code}" मौजूद नहीं है।' },
  UNIT_NOT_IN_STATE: { en: 'Unit {id} is not in state {state}.', hi: 'इकाई {id} प्रदेश {state} में नहीं है।' },
  SEATS_FROM_GEOGRAPHY: {
    en: 'Seats of this election come from the geography; they cannot be added by hand.',
    hi: 'इस चुनाव की सीटें भूगोल से आती हैं; उन्हें हाथ से नहीं जोड़ा जा सकता।',
  },
  SEAT_CODE_TAKEN: { en: 'Seat code "{code}" is already used in this election.', hi: 'सीट कोड "{code}" इस चुनाव में पहले से है।' },
  SEAT_UNIT_OUTSIDE: {
    en: 'Unit {id} is not inside the unit that runs this election.',
    hi: 'इकाई {id} इस चुनाव को चलाने वाली इकाई के भीतर नहीं है।',
  },
  ASPIRANT_EXISTS: { en: 'This person is already an aspirant for this seat.', hi: 'यह व्यक्ति इस सीट के लिए पहले से दावेदार है।' },
  ASPIRANT_SAME_STAGE: { en: 'The aspirant is already at “{stage}”.', hi: 'दावेदार पहले से “{stage}” चरण में है।' },
  ASPIRANT_REASON_REQUIRED: {
    en: 'Moving an aspirant back (from “{from}” to “{to}”) or out of the pipeline needs a reason.',
    hi: 'दावेदार को पीछे (“{from}” से “{to}”) या प्रक्रिया से बाहर ले जाने के लिए कारण आवश्यक है।',
  },
  SEAT_HAS_CANDIDATE: {
    en: 'This seat already has a final candidate: {name}. Move them first.',
    hi: 'इस सीट का अंतिम प्रत्याशी पहले से तय है: {name}। पहले उन्हें हटाएँ।',
  },
  SCORE_TOO_HIGH: {
    en: 'Score {score} is above the maximum {max} for “{criterion}”.',
    hi: '“{criterion}” के लिए अंक {score} अधिकतम {max} से अधिक है।',
  },
  CRITERION_EXISTS: { en: 'A criterion named “{name}” already exists.', hi: '“{name}” नाम का मानदंड पहले से है।' },
  PARTY_UNKNOWN: { en: 'Unknown party “{party}”.', hi: 'अज्ञात दल “{party}”।' },
  RESULTS_ROWS_INVALID: {
    en: 'The file has {count} bad row(s); nothing was written.',
    hi: 'फ़ाइल में {count} गलत पंक्ति(याँ) हैं; कुछ भी दर्ज नहीं किया गया।',
  },
  R_COLUMN_MISSING: { en: 'Column “{column}” is missing.', hi: '“{column}” कॉलम नहीं है।' },
  R_VOTES_INVALID: { en: 'Votes “{value}” is not a whole number of zero or more.', hi: 'मत “{value}” शून्य या उससे अधिक पूर्ण संख्या नहीं है।' },
  R_SEAT_UNKNOWN: { en: 'No seat “{seat}” in this election.', hi: 'इस चुनाव में “{seat}” सीट नहीं है।' },
  R_CANDIDATE_TWICE: {
    en: 'Candidate “{candidate}” ({party}) appears twice for seat {seat} (first on line {first}).',
    hi: 'सीट {seat} के लिए प्रत्याशी “{candidate}” ({party}) दो बार है (पहली बार पंक्ति {first} पर)।',
  },
  R_CANDIDATE_MISSING: { en: 'The candidate name is missing.', hi: 'प्रत्याशी का नाम नहीं है।' },
  R_TOTAL_MISMATCH: {
    en: 'Seat {seat}: the total {total} does not equal the sum of votes {sum}.',
    hi: 'सीट {seat}: कुल {total} मतों के योग {sum} के बराबर नहीं है।',
  },
  R_PART_UNKNOWN: { en: 'Part {part} is not a polling station of {ac}.', hi: 'भाग {part}, {ac} का मतदान केंद्र नहीं है।' },
  R_AC_UNKNOWN: {
    en: 'Assembly constituency “{ac}” does not exist in this election’s state.',
    hi: 'विधानसभा क्षेत्र “{ac}” इस चुनाव के प्रदेश में नहीं है।',
  },
  R_AC_NO_BOOTHS: {
    en: 'No polling stations are on file for {ac}; import its booths first.',
    hi: '{ac} के मतदान केंद्र दर्ज नहीं हैं; पहले उसके बूथ आयात करें।',
  },
  R_AC_NOT_IN_SEAT: { en: '{ac} is not part of any seat of this election.', hi: '{ac} इस चुनाव की किसी सीट का हिस्सा नहीं है।' },
  R_PART_TWICE: {
    en: '{ac} part {part} appears twice (first on line {first}).',
    hi: '{ac} भाग {part} दो बार है (पहली बार पंक्ति {first} पर)।',
  },
  R_FORM20_AC_MISSING: {
    en: 'A Form-20 file is one assembly constituency: give its AC number (or name the file <AC number>.csv).',
    hi: 'फ़ॉर्म-20 फ़ाइल एक विधानसभा क्षेत्र की होती है: उसकी AC संख्या दें (या फ़ाइल का नाम <AC संख्या>.csv रखें)।',
  },
  R_FORM20_HEADER_MISSING: {
    en: 'This is not a Form-20 file: no “Part No” column with candidate columns “<serial> - <name>”.',
    hi: 'यह फ़ॉर्म-20 फ़ाइल नहीं है: “Part No” कॉलम और “<क्रम> - <नाम>” प्रत्याशी कॉलम नहीं हैं।',
  },
  R_FORM20_CANDIDATE_UNKNOWN: {
    en: 'Candidate column “{candidate}” matches no candidate of {seat} in this election’s results; import the candidate-wise results first.',
    hi: 'प्रत्याशी कॉलम “{candidate}” इस चुनाव के परिणामों में {seat} के किसी प्रत्याशी से मेल नहीं खाता; पहले प्रत्याशी-वार परिणाम आयात करें।',
  },
  R_FORM20_CANDIDATE_AMBIGUOUS: {
    en: 'Candidate column “{candidate}” matches several candidates of {seat} of different parties; import the candidate-wise results with their serial numbers.',
    hi: 'प्रत्याशी कॉलम “{candidate}” {seat} के अलग-अलग दलों के कई प्रत्याशियों से मेल खाता है; प्रत्याशी-वार परिणाम उनके क्रमांक सहित आयात करें।',
  },
  R_NO_PARTY_COLUMNS: { en: 'Give one column per party after “ac” and “part”.', hi: '“ac” और “part” के बाद हर दल का एक कॉलम दें।' },
  R_SEAT_CODE_INVALID: { en: 'Seat code is missing.', hi: 'सीट कोड नहीं है।' },
  R_SEAT_NAME_INVALID: { en: 'Seat name is missing.', hi: 'सीट का नाम नहीं है।' },
  R_SEAT_TWICE: {
    en: 'Seat code “{code}” appears twice (first on line {first}).',
    hi: 'सीट कोड “{code}” दो बार है (पहली बार पंक्ति {first} पर)।',
  },
  R_RESERVATION_INVALID: { en: 'Reservation “{value}” is not one of: {values}.', hi: 'आरक्षण “{value}” इनमें से नहीं है: {values}।' },
  R_NUMBER_INVALID: { en: 'Number “{value}” is not a positive whole number.', hi: 'संख्या “{value}” धनात्मक पूर्ण संख्या नहीं है।' },
  APPLICATIONS_CLOSED: {
    en: 'Applications for seat “{seat}” are closed.',
    hi: 'सीट “{seat}” के लिए आवेदन बंद हैं।',
  },
  UNIT_NOT_IN_SEAT: {
    en: 'Unit {id} is not in this seat’s area: choose where you live from the list.',
    hi: 'इकाई {id} इस सीट के क्षेत्र में नहीं है: सूची से अपना निवास स्थान चुनें।',
  },
  SMS_ASPIRANT_OTP_BODY: {
    en: '{code} is your code to apply for {seat} ({election}). It is valid for {minutes} minutes. Do not share it.',
    hi: '{election} में {seat} के लिए आवेदन का आपका कोड {code} है। यह {minutes} मिनट तक मान्य है। इसे किसी को न बताएँ।',
  },
  ASPIRANT_DOCUMENT_NOT_FOUND: { en: 'Document {id} of this aspirant was not found.', hi: 'इस दावेदार का दस्तावेज़ {id} नहीं मिला।' },
  ASPIRANT_DOCUMENTS_FULL: {
    en: 'An aspirant may have at most {max} documents; remove one first.',
    hi: 'एक दावेदार के अधिकतम {max} दस्तावेज़ हो सकते हैं; पहले कोई हटाएँ।',
  },
  ELECTION_IMPORT_NOT_FOUND: { en: 'Results import {id} was not found.', hi: 'परिणाम आयात {id} नहीं मिला।' },
} as const satisfies TDictionary;
