import type { TDictionary } from './messages';

/** Messages of stored files and person photos, in both languages. */
export const FILE_MESSAGES = {
  FILE_TOO_LARGE: {
    en: 'The file is too large: at most {max} may be uploaded. Choose a smaller photo or shrink it first.',
    hi: 'फ़ाइल बहुत बड़ी है: अधिकतम {max} अपलोड की जा सकती है। छोटी फ़ोटो चुनें या पहले उसका आकार घटाएँ।',
  },
  FILE_EMPTY: { en: 'No file was sent: the request body is empty.', hi: 'कोई फ़ाइल नहीं भेजी गई: अनुरोध खाली है।' },
  FILE_TYPE_NOT_ALLOWED: {
    en: 'Files of type "{type}" are not accepted. Send a {types} image with its own content type (e.g. image/jpeg).',
    hi: '"{type}" प्रकार की फ़ाइलें स्वीकार नहीं हैं। {types} छवि उसके सही सामग्री प्रकार (जैसे image/jpeg) के साथ भेजें।',
  },
  FILE_NOT_IMAGE: {
    en: 'This file is not a {types} image, whatever its name or type says.',
    hi: 'यह फ़ाइल {types} छवि नहीं है, उसका नाम या प्रकार कुछ भी कहे।',
  },
  FILE_NOT_PDF: {
    en: 'This file is sent as a PDF but is not one, whatever its name says.',
    hi: 'यह फ़ाइल PDF बताकर भेजी गई है पर PDF नहीं है, उसका नाम कुछ भी कहे।',
  },
  FILE_TYPE_MISMATCH: {
    en: 'The file was sent as {claimed} but it is a {actual} image. Send it with its real type.',
    hi: 'फ़ाइल {claimed} बताकर भेजी गई, पर यह {actual} छवि है। इसे सही प्रकार के साथ भेजें।',
  },
  FILE_NAME_MISMATCH: {
    en: 'The file name "{name}" does not match its content, which is a {actual} image.',
    hi: 'फ़ाइल का नाम "{name}" उसकी सामग्री से मेल नहीं खाता, जो {actual} छवि है।',
  },
  FILE_UNREADABLE: {
    en: 'This {actual} image is damaged or incomplete: its size cannot be read.',
    hi: 'यह {actual} छवि खराब या अधूरी है: उसका आकार पढ़ा नहीं जा सकता।',
  },
  FILE_NOT_FOUND: { en: 'File {id} was not found.', hi: 'फ़ाइल {id} नहीं मिली।' },
  PHOTO_NONE: { en: 'This person has no photo to remove.', hi: 'इस व्यक्ति की कोई फ़ोटो नहीं है जिसे हटाया जाए।' },
  VERIFY_NEEDS_PHOTO: {
    en: 'Verification by photo needs the member\'s photo on file: add it on their page first, or verify another way.',
    hi: 'फ़ोटो से सत्यापन के लिए सदस्य की फ़ोटो दर्ज होनी चाहिए: पहले उनके पृष्ठ पर फ़ोटो जोड़ें, या किसी और तरीके से सत्यापित करें।',
  },
} as const satisfies TDictionary;
