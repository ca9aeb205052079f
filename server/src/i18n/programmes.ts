import type { TDictionary } from './messages';

/** Messages of the programmes domain, in both languages. */
export const PROGRAMME_MESSAGES = {
  PROGRAMME_NOT_FOUND: { en: 'Programme {id} was not found.', hi: 'कार्यक्रम {id} नहीं मिला।' },
  PROGRAMME_INSTANCE_NOT_FOUND: { en: 'Programme event {id} was not found.', hi: 'कार्यक्रम आयोजन {id} नहीं मिला।' },
  PROGRAMME_PHOTO_NOT_FOUND: { en: 'Photo {id} is not part of this report.', hi: 'फ़ोटो {id} इस रिपोर्ट का हिस्सा नहीं है।' },
  PROGRAMME_SEGMENT_UNKNOWN: { en: 'Unknown audience segment "{key}".', hi: 'अज्ञात लक्षित वर्ग "{key}"।' },
  PROGRAMME_SEGMENT_EXISTS: { en: 'An audience segment "{key}" already exists.', hi: '"{key}" नाम का लक्षित वर्ग पहले से है।' },
  PROGRAMME_WING_UNKNOWN: { en: 'Unknown wing "{wing}".', hi: 'अज्ञात मोर्चा "{wing}"।' },
  PROGRAMME_PHASE_UNKNOWN: { en: 'This programme has no phase {phase}.', hi: 'इस कार्यक्रम का कोई चरण {phase} नहीं है।' },
  PROGRAMME_UNDER_OUTSIDE: {
    en: 'A programme can be rolled out only under its own unit or a unit below it.',
    hi: 'कार्यक्रम केवल अपनी इकाई या उसके नीचे की किसी इकाई के क्षेत्र में लागू किया जा सकता है।',
  },
  PROGRAMME_LEVEL_UNKNOWN: { en: 'Unknown level "{level}".', hi: 'अज्ञात स्तर "{level}"।' },
  PROGRAMME_LEVEL_NOT_BELOW: {
    en: 'A roll-out from a {issuerLevel} unit can only go to a level below it, not to "{level}".',
    hi: '{issuerLevel} इकाई से कार्यक्रम केवल उससे नीचे के स्तर पर लागू हो सकता है, "{level}" पर नहीं।',
  },
  PROGRAMME_ROLLOUT_EMPTY: {
    en: 'There is nothing to roll out to: no {target} under this unit.',
    hi: 'लागू करने के लिए कुछ नहीं है: इस इकाई के नीचे कोई {target} नहीं है।',
  },
  PROGRAMME_UNIT_OUTSIDE: {
    en: 'Unit {id} is not under the unit the programme is rolled out under.',
    hi: 'इकाई {id} उस इकाई के नीचे नहीं है जिसके क्षेत्र में कार्यक्रम लागू किया जा रहा है।',
  },
  PROGRAMME_CANCELLED: {
    en: 'This event is cancelled; a cancelled event cannot be planned or reported.',
    hi: 'यह आयोजन रद्द है; रद्द आयोजन की योजना या रिपोर्ट नहीं बन सकती।',
  },
  PROGRAMME_STATUS_MOVE: {
    en: 'An event that is {from} cannot be set to {to}.',
    hi: '{from} स्थिति वाले आयोजन को {to} नहीं किया जा सकता।',
  },
  PROGRAMME_PLAN_NEEDS_DATE: { en: 'A planned event needs a planned date.', hi: 'नियोजित आयोजन के लिए तिथि आवश्यक है।' },
  PROGRAMME_CANCEL_NEEDS_REASON: { en: 'Give a reason for cancelling.', hi: 'रद्द करने का कारण बताएँ।' },
  PROGRAMME_REPORT_SEGMENT: {
    en: 'Attendance is counted per audience segment of the programme; "{key}" is not one of them.',
    hi: 'उपस्थिति कार्यक्रम के लक्षित वर्गों के अनुसार गिनी जाती है; "{key}" उनमें से नहीं है।',
  },
  PROGRAMME_HELD_IN_FUTURE: { en: 'The event cannot have been held on {date}: that is in the future.', hi: 'आयोजन {date} को नहीं हुआ हो सकता: यह तिथि भविष्य की है।' },
  PROGRAMME_PHOTOS_FULL: { en: 'A report can have at most {max} photos.', hi: 'एक रिपोर्ट में अधिकतम {max} फ़ोटो हो सकती हैं।' },
  PROGRAMME_TARGET_IN_CLUSTER: {
    en: '"{target}" is already in another cluster of this programme.',
    hi: '"{target}" इस कार्यक्रम के किसी अन्य क्लस्टर में पहले से है।',
  },
  PROGRAMME_PERSON_DELETED: { en: 'Person {id} is deleted or merged.', hi: 'व्यक्ति {id} हटाया या विलय किया जा चुका है।' },
  PROGRAMME_CLUSTER_NOT_FOUND: { en: 'Cluster {id} was not found.', hi: 'क्लस्टर {id} नहीं मिला।' },
  PROGRAMME_CLUSTER_NOT_EMPTY: {
    en: 'Cluster "{name}" still has {count} members; remove them before deleting it.',
    hi: 'क्लस्टर "{name}" में अभी {count} सदस्य हैं; हटाने से पहले उन्हें निकालें।',
  },
  PROGRAMME_TARGET_OUTSIDE: {
    en: '"{target}" is not in the area of the programme\'s unit.',
    hi: '"{target}" कार्यक्रम की इकाई के क्षेत्र में नहीं है।',
  },
  PROGRAMME_TARGET_NOT_IN_CLUSTER: { en: '"{target}" is not a member of this cluster.', hi: '"{target}" इस क्लस्टर का सदस्य नहीं है।' },
  PROGRAMME_CLUSTER_NOTHING: { en: 'Name at least one member to add or remove.', hi: 'जोड़ने या हटाने के लिए कम से कम एक सदस्य बताएँ।' },
  PROGRAMME_ROLLOUT_RUNNING: {
    en: 'Phase {phase} is already being rolled out in the background; wait until it is complete.',
    hi: 'चरण {phase} पहले से पृष्ठभूमि में लागू हो रहा है; उसके पूरा होने तक प्रतीक्षा करें।',
  },
  PROGRAMME_ROLLOUT_NOT_FOUND: { en: 'Roll-out {id} was not found.', hi: 'लागू करने का कार्य {id} नहीं मिला।' },
  PROGRAMME_ROLLOUT_FAILED: {
    en: 'The roll-out could not be completed; nothing of it was kept. Try again.',
    hi: 'कार्यक्रम लागू नहीं हो सका; उसका कुछ भी नहीं रखा गया। दोबारा प्रयास करें।',
  },
  PROGRAMME_NOTICE_APPOINTED: {
    en: 'You are the in-charge of "{programme}" for {target}.',
    hi: 'आप {target} के लिए "{programme}" के प्रभारी नियुक्त हुए हैं।',
  },
  PROGRAMME_NOTICE_TEAM: {
    en: 'You are on the team of "{programme}" for {target}.',
    hi: 'आप {target} के लिए "{programme}" की टोली में हैं।',
  },
  PROGRAMME_NOTICE_CLUSTER: {
    en: 'You are the in-charge of cluster "{cluster}" of "{programme}".',
    hi: 'आप "{programme}" के क्लस्टर "{cluster}" के प्रभारी नियुक्त हुए हैं।',
  },
  PROGRAMME_NOTICE_OVERDUE: {
    en: '"{programme}" for {target} was planned for {date} and is not reported yet.',
    hi: '{target} के लिए "{programme}" {date} को नियोजित था और अभी तक उसकी रिपोर्ट नहीं आई है।',
  },
  SMS_PROGRAMME_APPOINTED: {
    en: 'Samiti: you are the in-charge of "{programme}" for {target}.',
    hi: 'समिति: आप {target} के लिए "{programme}" के प्रभारी नियुक्त हुए हैं।',
  },
  SMS_PROGRAMME_OVERDUE: {
    en: 'Samiti: "{programme}" for {target} was due on {date}. Please hold it or report it.',
    hi: 'समिति: {target} के लिए "{programme}" {date} को होना था। कृपया आयोजन करें या रिपोर्ट दें।',
  },
} as const satisfies TDictionary;
