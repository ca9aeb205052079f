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
