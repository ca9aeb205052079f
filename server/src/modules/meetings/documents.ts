import type { TLocale, TMeeting, TMeetingInvitee, TMeetingResolution } from '@samiti/common';
import type { TCtx } from '../../context';
import { AppError } from '../../errors';
import { type TMessageKey, t } from '../../i18n/messages';
import { escapeHtml, printableDocument, renderPdf } from '../../lib/pdf';
import { recordAudit } from '../audit/record';
import { listAttendance } from './attendance';
import { getMeeting } from './queries';
import { listResolutions } from './resolutions';

type TNamed = { name: string | null; nameHi: string | null };
/** The name in the document's language, falling back to the other script. */
const nameIn = (locale: TLocale, n: TNamed) => (locale === 'hi' ? (n.nameHi ?? n.name) : (n.name ?? n.nameHi)) ?? '';

const TYPE_KEYS: Record<TMeeting['type'], TMessageKey> = {
  review: 'MEETING_TYPE_REVIEW',
  executive: 'MEETING_TYPE_EXECUTIVE',
  'workers-conference': 'MEETING_TYPE_WORKERS_CONFERENCE',
  training: 'MEETING_TYPE_TRAINING',
  other: 'MEETING_TYPE_OTHER',
};
const STATUS_KEYS = { present: 'ATTENDANCE_PRESENT', absent: 'ATTENDANCE_ABSENT', excused: 'ATTENDANCE_EXCUSED' } as const;

export const formatWhen = (locale: TLocale, iso: string) =>
  // Hindi sheets read "11:00 बजे" (24-hour), not the Latin "am" Intl puts in a 12-hour Hindi time.
  new Intl.DateTimeFormat(locale === 'hi' ? 'hi-IN' : 'en-IN', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Kolkata', hourCycle: locale === 'hi' ? 'h23' : 'h12' }).format(new Date(iso));

const CSS = `
  .sig { width: 30%; }
  .num { width: 2.2em; text-align: right; }
  td.sigcell { height: 24pt; }
  .small { color: #555; font-size: 9pt; }
  .withdrawn { color: #777; text-decoration: line-through; }
  .stamp { border: 0.8pt solid #777; display: inline-block; padding: 1pt 6pt; font-size: 9pt; }
  .minutes { white-space: pre-wrap; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 10pt; margin: 0 0 6pt; }
  dt { color: #444; } dd { margin: 0; }
`;

const header = (locale: TLocale, m: TMeeting, docTitle: string) => {
  const L = (k: TMessageKey) => escapeHtml(t(locale, k));
  const venue = [m.venue, m.venueUnit ? nameIn(locale, m.venueUnit) : null].filter(Boolean).join(', ');
  const rows: [string, string][] = [
    [L('PDF_WHEN'), escapeHtml(formatWhen(locale, m.startsAt))],
    ...(venue ? ([[L('PDF_VENUE'), escapeHtml(venue)]] as [string, string][]) : []),
    ...(m.chair ? ([[L('PDF_CHAIR'), escapeHtml(nameIn(locale, m.chair))]] as [string, string][]) : []),
    [L('PDF_ORGANISER'), escapeHtml(m.organiser.displayName)],
  ];
  return `<h1>${escapeHtml(docTitle)}</h1>
    <p class="meta"><b>${escapeHtml(m.title)}</b> — ${L(TYPE_KEYS[m.type])}, ${escapeHtml(nameIn(locale, m.unit))}</p>
    <dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
};

const postCell = (locale: TLocale, i: TMeetingInvitee) =>
  i.post ? escapeHtml(nameIn(locale, { name: i.post.name, nameHi: i.post.nameHi })) : escapeHtml(t(locale, i.source === 'walk-in' ? 'PDF_WALK_IN' : 'PDF_INVITED_AS_INDIVIDUAL'));

/** The sheet passed round before the meeting: every invitee with an empty signature column. */
export const attendanceSheetHtml = (locale: TLocale, m: TMeeting, invitees: TMeetingInvitee[]) => {
  const L = (k: TMessageKey) => escapeHtml(t(locale, k));
  const rows = invitees
    .map(
      (i, n) => `<tr><td class="num">${n + 1}</td><td>${escapeHtml(nameIn(locale, i))}</td><td>${postCell(locale, i)}</td>
        <td>${i.post ? escapeHtml(nameIn(locale, i.post.unit)) : ''}</td><td>${escapeHtml(i.phone)}</td><td class="sigcell"></td></tr>`,
    )
    .join('');
  // Blank rows at the end for people who turn up uninvited.
  const blanks = Array.from({ length: 5 }, (_, n) => `<tr><td class="num">${invitees.length + n + 1}</td><td></td><td></td><td></td><td></td><td class="sigcell"></td></tr>`).join('');
  const body = `${header(locale, m, t(locale, 'PDF_ATTENDANCE_SHEET'))}
    <table><thead><tr><th class="num">${L('PDF_SERIAL')}</th><th>${L('PDF_NAME')}</th><th>${L('PDF_POST')}</th><th>${L('PDF_UNIT')}</th><th>${L('PDF_PHONE')}</th><th class="sig">${L('PDF_SIGNATURE')}</th></tr></thead>
    <tbody>${rows}${blanks}</tbody></table>`;
  return printableDocument({ locale, title: `${t(locale, 'PDF_ATTENDANCE_SHEET')} — ${m.title}`, body, css: CSS });
};

/** The record after the meeting: details, agenda, attendance with counts, minutes and resolutions. */
export const minutesHtml = (locale: TLocale, m: TMeeting, invitees: TMeetingInvitee[], resolutions: TMeetingResolution[]) => {
  const L = (k: TMessageKey) => escapeHtml(t(locale, k));
  const c = m.counts;
  const counts = t(locale, 'PDF_COUNTS', { ...c, unmarked: c.invited - c.present - c.absent - c.excused });
  const agenda = m.agenda.length ? `<h2>${L('PDF_AGENDA')}</h2><ol>${m.agenda.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ol>` : '';
  const rows = invitees
    .map(
      (i, n) => `<tr><td class="num">${n + 1}</td><td>${escapeHtml(nameIn(locale, i))}</td><td>${postCell(locale, i)}</td>
        <td>${i.post ? escapeHtml(nameIn(locale, i.post.unit)) : ''}</td><td>${L(i.current ? STATUS_KEYS[i.current.status] : 'ATTENDANCE_UNMARKED')}</td></tr>`,
    )
    .join('');
  const res = resolutions.length
    ? `<ol class="res">${resolutions
        .map((r) =>
          r.status === 'withdrawn'
            ? `<li value="${r.number}"><span class="withdrawn">${escapeHtml(r.text)}</span> <span class="small">(${escapeHtml(t(locale, 'PDF_WITHDRAWN', { reason: r.withdrawnReason ?? '' }))})</span></li>`
            : `<li value="${r.number}">${escapeHtml(r.text)}</li>`,
        )
        .join('')}</ol>`
    : `<p>${L('PDF_NO_RESOLUTIONS')}</p>`;
  const stamp = m.minutesApprovedAt ? t(locale, 'PDF_APPROVED', { date: formatWhen(locale, m.minutesApprovedAt) }) : t(locale, 'PDF_DRAFT');
  const body = `${header(locale, m, t(locale, 'PDF_MINUTES'))}<p><span class="stamp">${escapeHtml(stamp)}</span></p>${agenda}
    <h2>${L('PDF_ATTENDANCE')}</h2><p class="meta">${escapeHtml(counts)}</p>
    <table><thead><tr><th class="num">${L('PDF_SERIAL')}</th><th>${L('PDF_NAME')}</th><th>${L('PDF_POST')}</th><th>${L('PDF_UNIT')}</th><th>${L('PDF_STATUS')}</th></tr></thead><tbody>${rows}</tbody></table>
    <h2>${L('PDF_MINUTES')}</h2>${m.minutes ? `<div class="minutes" lang="${m.minutesLang ?? locale}">${escapeHtml(m.minutes)}</div>` : `<p>${L('PDF_NO_MINUTES')}</p>`}
    <h2>${L('PDF_RESOLUTIONS')}</h2>${res}`;
  return printableDocument({ locale, title: `${t(locale, 'PDF_MINUTES')} — ${m.title}`, body, css: CSS });
};

export type TMeetingDocument = 'attendance-sheet' | 'minutes';

/** Builds the document's HTML as the actor may see it (phones masked per their rights). */
export const meetingDocumentHtml = async (ctx: TCtx, id: number, kind: TMeetingDocument, locale: TLocale) => {
  const m = await getMeeting(ctx, id);
  if (kind === 'minutes' && m.status !== 'held' && m.status !== 'minutes-approved') {
    throw new AppError('VALIDATION', 'MEETING_NOT_HELD', { params: { status: m.status } });
  }
  const invitees = await listAttendance(ctx, id);
  const html = kind === 'minutes' ? minutesHtml(locale, m, invitees, (await listResolutions(ctx, id)).items) : attendanceSheetHtml(locale, m, invitees);
  return { meeting: m, html };
};

/** The PDF of a meeting document; printing personal data is audited like an export. */
export const meetingPdf = async (ctx: TCtx, id: number, kind: TMeetingDocument, locale: TLocale) => {
  const { meeting, html } = await meetingDocumentHtml(ctx, id, kind, locale);
  const pdf = await renderPdf(html, { footerText: `${meeting.title} · ${t(locale, kind === 'minutes' ? 'PDF_MINUTES' : 'PDF_ATTENDANCE_SHEET')}` });
  await recordAudit(ctx.db, ctx, { action: `meeting.pdf.${kind}`, entityType: 'meeting', entityId: id, after: { lang: locale, invitees: meeting.counts.invited } });
  return pdf;
};
