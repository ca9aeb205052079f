import { intlTag } from './locale';

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** 1234567 → "12,34,567" in both languages (Indian grouping). */
export const formatNumber = (value: number, lang: string): string => {
  const tag = intlTag(lang);
  let format = numberFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag);
    numberFormats.set(tag, format);
  }
  return format.format(value);
};

/** An ISO timestamp as date and time in the UI language, in the device's time zone; the raw text if unparseable. */
export const formatDateTime = (iso: string, lang: string, timeZone?: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const key = `${intlTag(lang)}|${timeZone ?? ''}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlTag(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone });
    dateFormats.set(key, format);
  }
  return format.format(date);
};

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar date (YYYY-MM-DD, as tenures and consent store it) in the UI language: "4 Jun 2024" /
 * "4 जून 2024". Read as a date, not an instant, so no time zone can move it a day; a full
 * timestamp is shown as its date in the device's zone. The raw text if unparseable.
 */
export const formatDate = (value: string, lang: string): string => {
  const match = DATE_ONLY.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const key = `${intlTag(lang)}|${match ? 'UTC' : ''}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlTag(lang), { dateStyle: 'medium', timeZone: match ? 'UTC' : undefined });
    dayFormats.set(key, format);
  }
  return format.format(date);
};
