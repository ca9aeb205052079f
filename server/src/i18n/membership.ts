import type { TDictionary } from './messages';

/** Messages of the membership domain, in both languages. */
export const MEMBERSHIP_MESSAGES = {} as const satisfies TDictionary;
