import { z } from 'zod';
import { ZName } from './common';
import { ZUnitRef } from './membership';

export const SESSION_MODES = ['online', 'offline'] as const;
export type TSessionMode = (typeof SESSION_MODES)[number];
export const RSVP_RESPONSES = ['yes', 'no', 'maybe'] as const;
export type TRsvp = (typeof RSVP_RESPONSES)[number];
export const ATTENDANCE_STATUSES = ['present', 'absent'] as const;
export type TTrainingAttendance = (typeof ATTENDANCE_STATUSES)[number];
export const INVITE_SOURCES = ['post', 'list', 'active-members'] as const;

const ZDbId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ZText = (max: number) => z.string().trim().min(1).max(max);
/** A moment with its offset, e.g. 2026-12-05T10:30:00+05:30; stored and returned in UTC. */
export const ZInstant = z.iso.datetime({ offset: true });
const ZLink = z
  .string()
  .trim()
  .max(500)
  .regex(/^https:\/\/[^\s]+$/, 'an https:// link');

export const ZPersonRef = z.object({ id: z.number(), name: z.string().nullable(), nameHi: z.string().nullable() });
export type TPersonRef = z.infer<typeof ZPersonRef>;

export const ZCourseCreate = z.strictObject({
  unitId: ZDbId,
  name: ZName,
  nameHi: ZName.optional(),
  description: ZText(2000).optional(),
  /** How many sessions a person must attend to complete the course. */
  requiredSessions: z.number().int().min(1).max(50),
});
export type TCourseCreate = z.infer<typeof ZCourseCreate>;

export const ZCoursePatch = z
  .strictObject({
    name: ZName,
    nameHi: ZName.nullable(),
    description: ZText(2000).nullable(),
    requiredSessions: z.number().int().min(1).max(50),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
export type TCoursePatch = z.infer<typeof ZCoursePatch>;

export const ZCourse = z.object({
  id: z.number(),
  unit: ZUnitRef,
  name: z.string(),
  nameHi: z.string().nullable(),
  description: z.string().nullable(),
  requiredSessions: z.number(),
  sessionCount: z.number(),
  nextSessionAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.object({ canEdit: z.boolean() }),
});
export type TCourse = z.infer<typeof ZCourse>;
export const ZCourseList = z.object({ items: z.array(ZCourse), nextCursor: z.string().nullable() });

const sessionFields = {
  /** Defaults to the course's unit. */
  unitId: ZDbId,
  title: ZText(200),
  mode: z.enum(SESSION_MODES),
  link: ZLink,
  venue: ZText(300),
  trainerPersonId: ZDbId,
  startsAt: ZInstant,
  durationMinutes: z.number().int().min(15).max(1440),
  capacity: z.number().int().min(1).max(100_000),
};

export const ZSessionCreate = z
  .strictObject({
    unitId: sessionFields.unitId.optional(),
    title: sessionFields.title.optional(),
    mode: sessionFields.mode,
    link: sessionFields.link.optional(),
    venue: sessionFields.venue.optional(),
    trainerPersonId: sessionFields.trainerPersonId.optional(),
    startsAt: sessionFields.startsAt,
    durationMinutes: sessionFields.durationMinutes.default(120),
    capacity: sessionFields.capacity,
  })
  .refine((s) => s.mode !== 'online' || s.link !== undefined, { message: 'an online session needs a link', path: ['link'] })
  .refine((s) => s.mode !== 'offline' || s.venue !== undefined, { message: 'an offline session needs a venue', path: ['venue'] });
export type TSessionCreate = z.infer<typeof ZSessionCreate>;
export type TSessionCreateInput = z.input<typeof ZSessionCreate>;

export const ZSessionPatch = z
  .strictObject({
    title: sessionFields.title.nullable(),
    mode: sessionFields.mode,
    link: sessionFields.link.nullable(),
    venue: sessionFields.venue.nullable(),
    trainerPersonId: sessionFields.trainerPersonId.nullable(),
    startsAt: sessionFields.startsAt,
    durationMinutes: sessionFields.durationMinutes,
    capacity: sessionFields.capacity,
    isCancelled: z.boolean(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
export type TSessionPatch = z.infer<typeof ZSessionPatch>;

export const ZSessionCounts = z.object({
  invited: z.number(),
  yes: z.number(),
  no: z.number(),
  maybe: z.number(),
  present: z.number(),
  absent: z.number(),
});

export const ZSession = z.object({
  id: z.number(),
  courseId: z.number(),
  courseName: z.string(),
  courseNameHi: z.string().nullable(),
  unit: ZUnitRef,
  title: z.string().nullable(),
  mode: z.enum(SESSION_MODES),
  link: z.string().nullable(),
  venue: z.string().nullable(),
  trainer: ZPersonRef.nullable(),
  startsAt: z.string(),
  durationMinutes: z.number(),
  capacity: z.number(),
  isCancelled: z.boolean(),
  counts: ZSessionCounts,
  actions: z.object({ canEdit: z.boolean(), canInvite: z.boolean(), canTakeAttendance: z.boolean() }),
});
export type TSession = z.infer<typeof ZSession>;
export const ZCourseDetail = ZCourse.extend({ sessions: z.array(ZSession) });
export type TCourseDetail = z.infer<typeof ZCourseDetail>;

const ZKeys = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(40)
      .regex(/^[a-z][a-z0-9-]*$/),
  )
  .max(50);

/** Who to invite: current holders of posts (by level) under the session's unit, a list of people, or a drive's active members there. */
export const ZInviteBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('posts'), levels: ZKeys.default([]), posts: ZKeys.default([]), includeSelf: z.boolean().default(true) }),
  z.strictObject({ kind: z.literal('people'), personIds: z.array(ZDbId).min(1).max(1000) }),
  z.strictObject({ kind: z.literal('active-members'), driveId: ZDbId }),
]);
export type TInviteBody = z.infer<typeof ZInviteBody>;
export type TInviteBodyInput = z.input<typeof ZInviteBody>;

export const ZInviteResult = z.object({ added: z.number(), invited: z.number(), capacity: z.number(), isOverCapacity: z.boolean() });

export const ZInvitee = z.object({
  personId: z.number(),
  name: z.string().nullable(),
  nameHi: z.string().nullable(),
  phone: z.string(),
  isContactMasked: z.boolean(),
  homeUnit: ZUnitRef,
  source: z.enum(INVITE_SOURCES),
  rsvp: z.enum(RSVP_RESPONSES).nullable(),
  attendance: z.enum(ATTENDANCE_STATUSES).nullable(),
});
export type TInvitee = z.infer<typeof ZInvitee>;
export const ZInviteeList = z.object({ items: z.array(ZInvitee), nextCursor: z.string().nullable() });
export const ZInviteeQuery = z.object({
  rsvp: z.enum([...RSVP_RESPONSES, 'none']).optional(),
  attendance: z.enum([...ATTENDANCE_STATUSES, 'none']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(30).optional(),
});

export const ZRsvpBody = z.strictObject({ personId: ZDbId, response: z.enum(RSVP_RESPONSES) });

export const ZAttendanceBody = z.strictObject({
  marks: z
    .array(z.strictObject({ personId: ZDbId, status: z.enum(ATTENDANCE_STATUSES) }))
    .min(1)
    .max(2000),
});
export type TAttendanceBody = z.infer<typeof ZAttendanceBody>;
export const ZAttendanceResult = z.object({ recorded: z.number(), counts: ZSessionCounts });

export const ZPersonTraining = z.object({
  courseId: z.number(),
  courseName: z.string(),
  courseNameHi: z.string().nullable(),
  requiredSessions: z.number(),
  attended: z.number(),
  isComplete: z.boolean(),
  sessions: z.array(
    z.object({
      sessionId: z.number(),
      startsAt: z.string(),
      mode: z.enum(SESSION_MODES),
      unit: ZUnitRef,
      isCancelled: z.boolean(),
      rsvp: z.enum(RSVP_RESPONSES).nullable(),
      attendance: z.enum(ATTENDANCE_STATUSES).nullable(),
    }),
  ),
});
export type TPersonTraining = z.infer<typeof ZPersonTraining>;

export const ZTrainingCoverage = z.object({
  unitId: z.number(),
  courseId: z.number().nullable(),
  /** Distinct people holding a current post in the unit or below it. */
  officeBearers: z.number(),
  /** Of them, how many completed the course (any course when none is named). */
  completed: z.number(),
  share: z.number(),
});
export type TTrainingCoverage = z.infer<typeof ZTrainingCoverage>;

/** An invitee's own answer, from "my trainings": yes takes a seat (if one is free), no gives it back. */
export const ZMyRsvpBody = z.strictObject({ response: z.enum(['yes', 'no']) });
export type TMyRsvpBody = z.infer<typeof ZMyRsvpBody>;

/** One invitation of the logged-in user's person, with the session it is for. */
export const ZMyTraining = z.object({
  session: ZSession,
  rsvp: z.enum(RSVP_RESPONSES).nullable(),
  attendance: z.enum(ATTENDANCE_STATUSES).nullable(),
  /** The session has not started and is not cancelled: the invitee may still answer. */
  canRsvp: z.boolean(),
  /** Every seat is confirmed by someone else: a "yes" would be refused. */
  isFull: z.boolean(),
});
export type TMyTraining = z.infer<typeof ZMyTraining>;
export const ZMyTrainingList = z.object({ items: z.array(ZMyTraining), nextCursor: z.string().nullable() });
export type TMyTrainingList = z.infer<typeof ZMyTrainingList>;
