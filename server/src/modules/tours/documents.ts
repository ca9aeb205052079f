import type { TLocale, TStop, TStopPurpose, TTourDetail } from '@samiti/common';
import type { TCtx } from '../../context';
import { type TMessageKey, t } from '../../i18n/messages';
import { escapeHtml, printableDocument, renderPdf } from '../../lib/pdf';
import { recordAudit } from '../audit/record';
import { buildIcs } from './ics';
import { getTour } from './queries';

const PURPOSE_KEYS: Record<TStopPurpose, TMessageKey> = {
  meeting: 'TOUR_PURPOSE_MEETING',
  programme: 'TOUR_PURPOSE_PROGRAMME',
  rally: 'TOUR_PURPOSE_RALLY',
  review: 'TOUR_PURPOSE_REVIEW',
  other: 'TOUR_PURPOSE_OTHER',
};

/** The name in the document's language, falling back to the other script. */
const nameIn = (locale: TLocale, x: { name: string | null; nameHi: string | null }) =>
  (locale === 'hi' ? (x.nameHi ?? x.name) : (x.name ?? x.nameHi)) ?? '';
const titleIn = (locale: TLocale, tour: TTourDetail) => (locale === 'hi' ? (tour.titleHi ?? tour.title) : tour.title);

/** Times as India reads them, in the document's language (Hindi month names, Latin digits). */
const when = (locale: TLocale, iso: string, opts: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale === 'hi' ? 'hi-IN-u-nu-latn' : 'en-IN', { timeZone: 'Asia/Kolkata', ...opts }).format(new Date(iso));
const day = (locale: TLocale, date: string) => when(locale, `${date}T12:00:00+05:30`, { day: 'numeric', month: 'long', year: 'numeric' });

const CSS = `
  td.when { white-space: nowrap; width: 24%; }
  tr.cancelled td { color: #888; text-decoration: line-through; }
  .small { font-size: 9pt; color: #555; }
`;

const stopRow = (locale: TLocale, s: TStop) => {
  const date = when(locale, s.startsAt, { weekday: 'short', day: 'numeric', month: 'short' });
  const time = `${when(locale, s.startsAt, { hour: 'numeric', minute: '2-digit' })} – ${when(locale, s.endsAt, { hour: 'numeric', minute: '2-digit' })}`;
  const coordinator = s.coordinator
    ? `${escapeHtml(nameIn(locale, s.coordinator))}<br><span class="small">${escapeHtml(s.coordinator.phone)}</span>`
    : '';
  const status = s.isCancelled ? ` <span class="small">(${escapeHtml(t(locale, 'TOUR_PDF_CANCELLED'))})</span>` : '';
  return `<tr${s.isCancelled ? ' class="cancelled"' : ''}><td class="when">${escapeHtml(date)}<br>${escapeHtml(time)}</td>
    <td>${escapeHtml(nameIn(locale, s.unit))}${status}</td><td>${escapeHtml(t(locale, PURPOSE_KEYS[s.purpose]))}</td>
    <td>${coordinator}</td><td>${escapeHtml(s.notes ?? '')}</td></tr>`;
};

/** The itinerary as a printable page in one language, with only the stops the actor may see. */
export const itineraryHtml = (locale: TLocale, tour: TTourDetail) => {
  const L = (k: TMessageKey) => escapeHtml(t(locale, k));
  const meta = t(locale, 'TOUR_PDF_DATES', {
    start: day(locale, tour.startsOn),
    end: day(locale, tour.endsOn),
    unit: nameIn(locale, tour.unit),
  });
  const rows = tour.stops.map((s) => stopRow(locale, s)).join('');
  const table = tour.stops.length
    ? `<table><thead><tr><th>${L('TOUR_PDF_WHEN')}</th><th>${L('TOUR_PDF_PLACE')}</th><th>${L('TOUR_PDF_PURPOSE')}</th><th>${L('TOUR_PDF_COORDINATOR')}</th><th>${L('TOUR_PDF_NOTES')}</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p>${L('TOUR_PDF_NO_STOPS')}</p>`;
  const hidden =
    tour.hiddenStops > 0 ? `<p class="small">${escapeHtml(t(locale, 'TOUR_PDF_HIDDEN', { count: tour.hiddenStops }))}</p>` : '';
  const body = `<h1>${escapeHtml(titleIn(locale, tour))}</h1>
    <p class="meta">${escapeHtml(t(locale, 'TOUR_PDF_LEADER', { name: nameIn(locale, tour.leader) }))}<br>${escapeHtml(meta)}</p>${table}${hidden}`;
  return printableDocument({ locale, title: `${t(locale, 'TOUR_PDF_ITINERARY')} — ${titleIn(locale, tour)}`, body, css: CSS });
};

/** The itinerary PDF; printing coordinators' phones is audited like an export. */
export const itineraryPdf = async (ctx: TCtx, id: number, locale: TLocale) => {
  const tour = await getTour(ctx, id);
  const pdf = await renderPdf(itineraryHtml(locale, tour), { footerText: `${titleIn(locale, tour)} · ${t(locale, 'TOUR_PDF_ITINERARY')}` });
  await recordAudit(ctx.db, ctx, {
    action: 'tour.itinerary.pdf',
    entityType: 'tour',
    entityId: id,
    after: { lang: locale, stops: tour.stops.length },
  });
  return pdf;
};

/** The itinerary as iCalendar: one event per visible stop, cancelled ones marked so calendars drop them. */
export const itineraryIcs = async (ctx: TCtx, id: number, locale: TLocale) => {
  const tour = await getTour(ctx, id);
  const events = tour.stops.map((s) => {
    const place = nameIn(locale, s.unit);
    const coordinator = s.coordinator
      ? t(locale, 'TOUR_ICS_COORDINATOR', { name: nameIn(locale, s.coordinator), phone: s.coordinator.phone })
      : '';
    return {
      uid: s.uid,
      startsAt: new Date(s.startsAt),
      endsAt: new Date(s.endsAt),
      stamp: new Date(),
      summary: `${t(locale, PURPOSE_KEYS[s.purpose])}: ${place} — ${nameIn(locale, tour.leader)}`,
      location: place,
      description: [coordinator, s.notes ?? ''].filter(Boolean).join('\n'),
      isCancelled: s.isCancelled || tour.isCancelled,
    };
  });
  return buildIcs(titleIn(locale, tour), events);
};
