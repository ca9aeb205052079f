import type { TDictionary } from './messages';

/** Messages of the imports domain, in both languages. */
export const IMPORT_MESSAGES = {} as const satisfies TDictionary;
