import type { TDictionary } from './messages';

/** Organisation health: the reasons of each signal, scorecard words and the replacement workflow's errors. */
export const ORG_HEALTH_MESSAGES = {
  HEALTH_POSTS: { en: 'posts filled {filled} of {total}', hi: '{total} में से {filled} पद भरे' },
  HEALTH_COMMITTEE: { en: 'booth committee {filled} of {total}', hi: 'बूथ समिति {total} में से {filled}' },
  HEALTH_BOOTHS: { en: '{ok} of {total} booths with a complete committee ({value}%)', hi: '{total} में से {ok} बूथों की समिति पूरी ({value}%)' },
  HEALTH_CHILDREN: { en: '{ok} of {total} units below are ok ({value}%)', hi: 'नीचे की {total} में से {ok} इकाइयाँ ठीक ({value}%)' },
  HEALTH_NO_MEETING_EVER: { en: 'no meeting held yet', hi: 'अभी तक कोई बैठक नहीं हुई' },
  HEALTH_LAST_MEETING: { en: 'no meeting for {days} days', hi: '{days} दिन से कोई बैठक नहीं' },
  HEALTH_ATTENDANCE: { en: 'attendance {value}% of {expected} expected (90 days)', hi: 'उपस्थिति {expected} अपेक्षित में से {value}% (90 दिन)' },
  HEALTH_NO_ATTENDANCE: { en: 'no attendance taken in 90 days', hi: '90 दिनों में उपस्थिति दर्ज नहीं' },
  HEALTH_ON_TIME: { en: '{onTime} of {due} directives done on time', hi: '{due} में से {onTime} निर्देश समय पर पूरे' },
  HEALTH_NO_DIRECTIVES: { en: 'no directives due', hi: 'कोई निर्देश देय नहीं' },
  HEALTH_OVERDUE: { en: '{count} directives overdue', hi: '{count} निर्देश समय-सीमा पार' },
  HEALTH_MEMBERSHIP: {
    en: 'members verified {verified} of target {target} ({enrolled} enrolled)',
    hi: 'सत्यापित सदस्य लक्ष्य {target} में से {verified} ({enrolled} नामांकित)',
  },
  HEALTH_NO_DRIVE: { en: 'no running membership drive with a target', hi: 'लक्ष्य वाला कोई चालू सदस्यता अभियान नहीं' },
  HEALTH_TRAINED: { en: '{trained} of {holders} office bearers trained', hi: '{holders} में से {trained} पदाधिकारी प्रशिक्षित' },
  HEALTH_NO_HOLDERS: { en: 'no office bearers', hi: 'कोई पदाधिकारी नहीं' },
  HEALTH_NO_PROGRAMMES: { en: 'no programme due yet', hi: 'अभी कोई कार्यक्रम देय नहीं' },
  HEALTH_PROGRAMMES: { en: 'programmes held {done} of {due} due', hi: '{due} देय में से {done} कार्यक्रम हुए' },
  HEALTH_UNKNOWN_WING: { en: 'Unknown wing "{wing}".', hi: 'अज्ञात प्रकोष्ठ "{wing}"।' },
  HEALTH_ELECTION: {
    en: 'vote share {value}% in {election}, swing {swing} points',
    hi: '{election} में वोट हिस्सा {value}%, बदलाव {swing} अंक',
  },
  HEALTH_ELECTION_NO_SWING: { en: 'vote share {value}% in {election}', hi: '{election} में वोट हिस्सा {value}%' },
  HEALTH_NO_ELECTION: { en: 'no election result for this unit', hi: 'इस इकाई का कोई चुनाव परिणाम नहीं' },
  HEALTH_UNKNOWN_LEVEL: { en: 'Unknown level "{level}".', hi: 'अज्ञात स्तर "{level}"।' },
  HEALTH_THRESHOLD_RANGE: {
    en: 'The threshold of {signal} must be between {min} and {max}.',
    hi: '{signal} की सीमा {min} और {max} के बीच होनी चाहिए।',
  },
  HEALTH_SCORE_FORMULA: {
    en: 'score = 100 × ({wAttendance}×attendance + {wDirectives}×directives on time + {wMembers}×members verified/25 + {wActivity}×(1 − days since activity/90)) ÷ sum of the weights of parts with data',
    hi: 'अंक = 100 × ({wAttendance}×उपस्थिति + {wDirectives}×समय पर निर्देश + {wMembers}×सत्यापित सदस्य/25 + {wActivity}×(1 − अंतिम गतिविधि से दिन/90)) ÷ जिन भागों में आँकड़े हैं उनके भार का योग',
  },
  REPLACEMENT_NOT_FOUND: { en: 'Replacement proposal {id} was not found.', hi: 'प्रतिस्थापन प्रस्ताव {id} नहीं मिला।' },
  REPLACEMENT_TENURE_ENDED: { en: 'Tenure {id} has already ended.', hi: 'कार्यकाल {id} पहले ही समाप्त हो चुका है।' },
  REPLACEMENT_OUTSIDE_UNIT: { en: 'Tenure {id} is not in this unit or below it.', hi: 'कार्यकाल {id} इस इकाई या इसके नीचे का नहीं है।' },
  REPLACEMENT_DUPLICATE: { en: 'Tenure {id} appears twice.', hi: 'कार्यकाल {id} दो बार आया है।' },
  REPLACEMENT_PENDING: {
    en: 'Tenure {id} is already in a pending replacement proposal ({proposal}).',
    hi: 'कार्यकाल {id} पहले से एक लंबित प्रस्ताव ({proposal}) में है।',
  },
  REPLACEMENT_SUCCESSOR_HOLDS: {
    en: '{name} already holds a post in this unit ({post}); end it first or choose someone else.',
    hi: '{name} इस इकाई में पहले से पद ({post}) पर हैं; पहले उसे समाप्त करें या किसी और को चुनें।',
  },
  REPLACEMENT_SUCCESSOR_SELF: { en: 'The successor for tenure {id} is the same person.', hi: 'कार्यकाल {id} का उत्तराधिकारी वही व्यक्ति है।' },
  REPLACEMENT_SUCCESSOR_TWICE: {
    en: 'One person is proposed as successor twice in the same unit.',
    hi: 'एक ही व्यक्ति को एक ही इकाई में दो बार उत्तराधिकारी प्रस्तावित किया गया है।',
  },
  REPLACEMENT_REVIEWED: { en: 'This proposal was already {status}.', hi: 'यह प्रस्ताव पहले ही {status} हो चुका है।' },
  REPLACEMENT_OWN: {
    en: 'You proposed this replacement: an admin of a higher unit must review it.',
    hi: 'यह प्रस्ताव आपका है: ऊपर की इकाई के व्यवस्थापक को इसकी समीक्षा करनी होगी।',
  },
  REPLACEMENT_NOT_HIGHER: {
    en: 'Only an admin of a unit above {unit} may review this proposal.',
    hi: 'इस प्रस्ताव की समीक्षा केवल {unit} से ऊपर की इकाई का व्यवस्थापक कर सकता है।',
  },
  REPLACEMENT_NOTICE_PROPOSED: {
    en: 'Replacement proposal {id} for {unit} is waiting for review.',
    hi: '{unit} का प्रतिस्थापन प्रस्ताव {id} समीक्षा की प्रतीक्षा में है।',
  },
  REPLACEMENT_NOTICE_DONE: { en: 'Replacement proposal {id} was {status}.', hi: 'प्रतिस्थापन प्रस्ताव {id} {status} हुआ।' },
  REPLACEMENT_NOTICE_ENDED: {
    en: 'Your post {post} in {unit} has ended: you were replaced as inactive (proposal {id}).',
    hi: '{unit} में आपका पद {post} समाप्त हुआ: निष्क्रिय होने के कारण आपको बदला गया (प्रस्ताव {id})।',
  },
  REPLACEMENT_NOTICE_APPOINTED: {
    en: 'You are appointed {post} in {unit} (proposal {id}).',
    hi: 'आपको {unit} में {post} नियुक्त किया गया (प्रस्ताव {id})।',
  },
  SCORECARD_TITLE: { en: 'Office-bearer scorecards', hi: 'पदाधिकारी अंक-पत्र' },
} as const satisfies TDictionary;
