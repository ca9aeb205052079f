/**
 * The columns a people/posts sheet may have, each with headings the server accepts (a few of
 * many, in English and Hindi): shown as help beside the upload. The headings are data, not
 * UI text: they are what must be written in the file.
 */
export const IMPORT_COLUMNS = [
  { key: 'unitId', headings: ['Unit ID', 'इकाई आईडी'] },
  { key: 'booth', headings: ['Booth code', 'बूथ कोड'] },
  { key: 'state', headings: ['State', 'राज्य'] },
  { key: 'ac', headings: ['AC', 'विधानसभा'] },
  { key: 'part', headings: ['Part', 'Booth no', 'बूथ', 'भाग'] },
  { key: 'post', headings: ['Post', 'पद'] },
  { key: 'name', headings: ['Name', 'नाम', 'Hindi name', 'हिंदी नाम'] },
  { key: 'phone', headings: ['Mobile', 'मोबाइल'] },
  { key: 'epic', headings: ['EPIC', 'Voter ID', 'वोटर आईडी'] },
  { key: 'gender', headings: ['Gender', 'लिंग'] },
  { key: 'birthYear', headings: ['Birth year', 'जन्म वर्ष'] },
  { key: 'startDate', headings: ['Start date', 'नियुक्ति तिथि'] },
] as const;
export type TImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

/** The columns of a members sheet: the person's, then who enrolled them, when, and whether they are verified. */
export const MEMBER_COLUMNS = [
  ...IMPORT_COLUMNS.filter((c) => c.key !== 'post' && c.key !== 'startDate'),
  { key: 'enroller', headings: ['Enroller mobile', 'प्रेरक मोबाइल'] },
  { key: 'enrolledOn', headings: ['Enrolled on', 'सदस्यता तिथि'] },
  { key: 'status', headings: ['Status', 'स्थिति'] },
  { key: 'method', headings: ['Verified by', 'सत्यापन विधि'] },
] as const;
