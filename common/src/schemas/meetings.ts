import { z } from 'zod';
import { ZName } from './common';
import { ZPersonCreate } from './people';
import { ZPostKey } from './posts';
import { ZLevelKey } from './units';

export const MEETING_TYPES = ['review', 'executive', 'workers-conference', 'training', 'other'] as const;
export type TMeetingType = (typeof MEETING_TYPES)[number];
export const MEETING_STATUSES = ['planned', 'held', 'minutes-approved', 'cancelled'] as const;
export type TMeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_ATTENDANCE_STATUSES = ['present', 'absent', 'excused'] as const;
export type TMeetingAttendanceStatus = (typeof MEETING_ATTENDANCE_STATUSES)[number];
export const MEETING_INVITEE_SOURCES = ['rule', 'individual', 'walk-in'] as const;
export type TMeetingInviteeSource = (typeof MEETING_INVITEE_SOURCES)[number];

/** The most invitees one meeting may have: a district's every booth president fits, a state's booths do not. */
export const MEETING_MAX_INVITEES = 5000;

const ZRefId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** Free text without control characters other than line breaks and tabs. */
const ZText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((v) => /^[^\p{Cc}]*$/u.test(v.replace(/[\n\r\t]/g, '')), 'control characters are not allowed');

/**
 * One rule of expected invitees: current holders of these posts in units of these levels under the
 * meeting's unit. Empty `posts` means every post ("with their teams"); empty `levels` every level.
 */
export const ZMeetingInviteeRule = z.object({
  levels: z.array(ZLevelKey).max(20).default([]),
  posts: z.array(ZPostKey).max(40).default([]),
});
export type TMeetingInviteeRule = z.infer<typeof ZMeetingInviteeRule>;

/** Who is expected: the unit's own office bearers, rules over its sub-units, and individual people. */
export const ZMeetingInviteeSpec = z.object({
  includeSelf: z.boolean().default(true),
  rules: z.array(ZMeetingInviteeRule).max(10).default([]),
  personIds: z.array(ZRefId).max(500).default([]),
});
export type TMeetingInviteeSpec = z.infer<typeof ZMeetingInviteeSpec>;
export type TMeetingInviteeSpecInput = z.input<typeof ZMeetingInviteeSpec>;

const ZMeetingFields = {
  type: z.enum(MEETING_TYPES),
  title: ZName,
  /** An ISO date-time with its offset, e.g. 2026-12-08T11:00:00+05:30. */
  startsAt: z.iso.datetime({ offset: true }),
  venue: ZText(300).nullable().optional(),
  /** The unit whose office hosts the meeting, if any. */
  venueUnitId: ZRefId.nullable().optional(),
  chairPersonId: ZRefId.nullable().optional(),
  /** Agenda items in order. */
  agenda: z.array(ZText(300)).max(50).optional(),
};

export const ZMeetingCreate = z
  .object({
    unitId: ZRefId,
    ...ZMeetingFields,
    /** `held` records a meeting that already took place; `planned` must be in the future. */
    status: z.enum(['planned', 'held']).default('planned'),
    invitees: ZMeetingInviteeSpec.default({ includeSelf: true, rules: [], personIds: [] }),
  })
  .strict();
export type TMeetingCreate = z.infer<typeof ZMeetingCreate>;
export type TMeetingCreateInput = z.input<typeof ZMeetingCreate>;

export const ZMeetingPatch = z
  .object({
    type: ZMeetingFields.type.optional(),
    title: ZMeetingFields.title.optional(),
    startsAt: ZMeetingFields.startsAt.optional(),
    venue: ZMeetingFields.venue,
    venueUnitId: ZMeetingFields.venueUnitId,
    chairPersonId: ZMeetingFields.chairPersonId,
    agenda: ZMeetingFields.agenda,
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type TMeetingPatch = z.infer<typeof ZMeetingPatch>;

/** A status move: planned → held | cancelled (with a reason), held → minutes-approved. */
export const ZMeetingStatusMove = z
  .object({ status: z.enum(['held', 'cancelled', 'minutes-approved']), reason: ZText(500).optional() })
  .strict()
  .refine((v) => v.status !== 'cancelled' || v.reason !== undefined, { message: 'a reason is required to cancel', path: ['reason'] });
export type TMeetingStatusMove = z.infer<typeof ZMeetingStatusMove>;

export const ZMeetingMinutesBody = z.object({ text: z.string().max(50_000), lang: z.enum(['en', 'hi']) }).strict();
export type TMeetingMinutesBody = z.infer<typeof ZMeetingMinutesBody>;

const ZMeetingPersonRef = z.object({ id: z.number(), name: z.string().nullable(), nameHi: z.string().nullable() });
const ZMeetingUnitRef = z.object({ id: z.number(), name: z.string(), nameHi: z.string().nullable(), level: z.string() });

export const ZMeetingActions = z.object({
  canEdit: z.boolean(),
  canEditInvitees: z.boolean(),
  canTakeAttendance: z.boolean(),
  canHold: z.boolean(),
  canCancel: z.boolean(),
  canEditMinutes: z.boolean(),
  canApproveMinutes: z.boolean(),
});
export type TMeetingActions = z.infer<typeof ZMeetingActions>;

export const ZMeeting = z.object({
  id: z.number(),
  unit: ZMeetingUnitRef,
  wing: z.string(),
  type: z.enum(MEETING_TYPES),
  title: z.string(),
  startsAt: z.string(),
  venue: z.string().nullable(),
  venueUnit: ZMeetingUnitRef.nullable(),
  chair: ZMeetingPersonRef.nullable(),
  organiser: z.object({ id: z.number(), displayName: z.string() }),
  agenda: z.array(z.string()),
  inviteeRule: z.object({ includeSelf: z.boolean(), rules: z.array(ZMeetingInviteeRule), personIds: z.array(z.number()) }),
  status: z.enum(MEETING_STATUSES),
  cancelReason: z.string().nullable(),
  minutes: z.string().nullable(),
  minutesLang: z.enum(['en', 'hi']).nullable(),
  minutesApprovedAt: z.string().nullable(),
  counts: z.object({ invited: z.number(), present: z.number(), absent: z.number(), excused: z.number(), walkIns: z.number() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: ZMeetingActions,
});
export type TMeeting = z.infer<typeof ZMeeting>;

export const ZMeetingList = z.object({ items: z.array(ZMeeting), nextCursor: z.string().nullable() });
export type TMeetingList = z.infer<typeof ZMeetingList>;

export const ZMeetingListQuery = z.object({
  type: z.enum(MEETING_TYPES).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  /** India dates, inclusive. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Also meetings of the unit's sub-units. */
  includeSubunits: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export type TMeetingListQuery = z.infer<typeof ZMeetingListQuery>;

export const ZMeetingAttendanceRecord = z.object({
  status: z.enum(MEETING_ATTENDANCE_STATUSES),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});

export const ZMeetingInvitee = z.object({
  id: z.number(),
  personId: z.number(),
  name: z.string().nullable(),
  nameHi: z.string().nullable(),
  /** Masked unless the actor's role covers the person's home unit. */
  phone: z.string(),
  isContactMasked: z.boolean(),
  source: z.enum(MEETING_INVITEE_SOURCES),
  post: z.object({ key: z.string(), name: z.string(), nameHi: z.string(), unit: ZMeetingUnitRef }).nullable(),
  /** The latest record; null until attendance is taken. */
  current: ZMeetingAttendanceRecord.nullable(),
  /** Every record, newest first (corrections keep the earlier ones). */
  history: z.array(ZMeetingAttendanceRecord),
});
export type TMeetingInvitee = z.infer<typeof ZMeetingInvitee>;

export const ZMeetingAttendance = z.object({
  meetingId: z.number(),
  /** GET: every invitee. PUT: only the entries just written (merge them into the list on screen). */
  items: z.array(ZMeetingInvitee),
  counts: ZMeeting.shape.counts,
  canTakeAttendance: z.boolean(),
});
export type TMeetingAttendance = z.infer<typeof ZMeetingAttendance>;

/** One attendance entry: an invitee by person id, or a walk-in (an existing person, or a new one with consent). */
export const ZMeetingAttendanceEntry = z
  .object({
    personId: ZRefId.optional(),
    newPerson: ZPersonCreate.optional(),
    status: z.enum(MEETING_ATTENDANCE_STATUSES),
    note: ZText(500).optional(),
    /** Required for anyone who was not invited. */
    walkIn: z.boolean().default(false),
  })
  .strict()
  .refine((e) => (e.personId === undefined) !== (e.newPerson === undefined), { message: 'give either personId or newPerson', path: ['personId'] })
  .refine((e) => e.newPerson === undefined || e.walkIn, { message: 'a new person can only come as a walk-in', path: ['walkIn'] });
export type TMeetingAttendanceEntry = z.infer<typeof ZMeetingAttendanceEntry>;
export type TMeetingAttendanceEntryInput = z.input<typeof ZMeetingAttendanceEntry>;

export const ZMeetingAttendanceBody = z.object({ entries: z.array(ZMeetingAttendanceEntry).min(1).max(MEETING_MAX_INVITEES) }).strict();
export type TMeetingAttendanceBody = z.infer<typeof ZMeetingAttendanceBody>;

export const ZMeetingResolutionCreate = z.object({ text: ZText(5000) }).strict();
export const ZMeetingResolutionPatch = z.object({ text: ZText(5000) }).strict();
export const ZMeetingResolutionWithdraw = z.object({ reason: ZText(500) }).strict();

export const ZMeetingResolution = z.object({
  id: z.number(),
  meetingId: z.number(),
  number: z.number(),
  text: z.string(),
  status: z.enum(['active', 'withdrawn']),
  withdrawnReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.object({ canEdit: z.boolean(), canWithdraw: z.boolean() }),
});
export type TMeetingResolution = z.infer<typeof ZMeetingResolution>;
export const ZMeetingResolutionList = z.object({ items: z.array(ZMeetingResolution), canAdd: z.boolean() });
export type TMeetingResolutionList = z.infer<typeof ZMeetingResolutionList>;

export const ZMeetingPdfQuery = z.object({ lang: z.enum(['en', 'hi']).optional() });
