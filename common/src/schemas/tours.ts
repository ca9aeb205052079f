import { z } from 'zod';
import { ZError, ZName } from './common';
import { ZUnitRef } from './membership';
import { INSTANCE_STATUSES } from './programmes';
import { ZInstant, ZPersonRef } from './training';

export const STOP_PURPOSES = ['meeting', 'programme', 'rally', 'review', 'other'] as const;
export type TStopPurpose = (typeof STOP_PURPOSES)[number];

/** Road speed and fixed margin the conflict check assumes between two stops of one leader. */
export const TRAVEL_KMH = 50;
export const TRAVEL_MARGIN_MINUTES = 30;

const ZDbId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ZText = (max: number) => z.string().trim().min(1).max(max);

export const ZTourCreate = z
  .strictObject({
    /** The organising unit: its office bearers plan and edit the tour. */
    unitId: ZDbId,
    leaderPersonId: ZDbId,
    title: ZName,
    titleHi: ZName.optional(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    notes: ZText(2000).optional(),
  })
  .refine((t) => t.endsOn >= t.startsOn, { message: 'the end date is before the start date', path: ['endsOn'] });
export type TTourCreate = z.infer<typeof ZTourCreate>;

export const ZTourPatch = z
  .strictObject({
    title: ZName,
    titleHi: ZName.nullable(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    notes: ZText(2000).nullable(),
    isCancelled: z.boolean(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
export type TTourPatch = z.infer<typeof ZTourPatch>;

export const ZConflict = z.object({
  kind: z.enum(['overlap', 'travel']),
  stopId: z.number(),
  tourId: z.number(),
  tourTitle: z.string(),
  unitName: z.string(),
  unitNameHi: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Between the two stops' unit centroids; null when one of them has no known location. */
  distanceKm: z.number().nullable(),
  /** Minutes the leader needs between the stops, and the minutes the plan leaves. */
  neededMinutes: z.number(),
  gapMinutes: z.number(),
});
export type TConflict = z.infer<typeof ZConflict>;
export const ZConflictError = ZError.extend({ conflicts: z.array(ZConflict) });

export const ZStopCreate = z
  .strictObject({
    unitId: ZDbId,
    startsAt: ZInstant,
    endsAt: ZInstant,
    purpose: z.enum(STOP_PURPOSES),
    meetingId: ZDbId.optional(),
    /** A programme instance this stop visits: in the stop's unit, above it on its chain, or below it. */
    programmeInstanceId: ZDbId.optional(),
    coordinatorPersonId: ZDbId.optional(),
    notes: ZText(2000).optional(),
    /** Save despite the conflicts a previous attempt listed (they are stored with the stop). */
    confirm: z.boolean().default(false),
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), { message: 'the stop ends before it starts', path: ['endsAt'] });
export type TStopCreate = z.infer<typeof ZStopCreate>;
export type TStopCreateInput = z.input<typeof ZStopCreate>;

export const ZStopPatch = z
  .strictObject({
    unitId: ZDbId,
    startsAt: ZInstant,
    endsAt: ZInstant,
    purpose: z.enum(STOP_PURPOSES),
    meetingId: ZDbId.nullable(),
    programmeInstanceId: ZDbId.nullable(),
    coordinatorPersonId: ZDbId.nullable(),
    notes: ZText(2000).nullable(),
    isCancelled: z.boolean(),
    confirm: z.boolean(),
  })
  .partial()
  .refine((p) => Object.keys(p).some((k) => k !== 'confirm'), { message: 'nothing to change' });
export type TStopPatch = z.infer<typeof ZStopPatch>;

export const ZStopReportBody = z.strictObject({ isHeld: z.boolean(), summary: ZText(5000).optional() });
export type TStopReportBody = z.infer<typeof ZStopReportBody>;

export const ZStopReport = z.object({
  isHeld: z.boolean(),
  summary: z.string().nullable(),
  reportedAt: z.string(),
  reportedBy: z.string().nullable(),
  /** Earlier reports of the same stop, newest first (a report is corrected by a new one). */
  earlier: z.number(),
});

/** A programme instance as a tour stop shows it (and the options to link one). */
export const ZStopProgrammeInstance = z.object({
  id: z.number(),
  programmeId: z.number(),
  programmeName: z.string(),
  programmeNameHi: z.string(),
  phase: z.number(),
  targetKey: z.string(),
  /** The unit the instance is for (a PC instance may have none) and the unit it counts under. */
  unit: ZUnitRef.nullable(),
  scopeUnit: ZUnitRef,
  status: z.enum(INSTANCE_STATUSES),
  plannedDate: z.string().nullable(),
});
export type TStopProgrammeInstance = z.infer<typeof ZStopProgrammeInstance>;
export const ZStopProgrammeInstanceList = z.object({ items: z.array(ZStopProgrammeInstance), nextCursor: z.string().nullable() });

/** Create the instance of a programme's phase for the stop's unit (a one-unit roll-out; the existing one when there is one) and link it. */
export const ZStopProgrammeCreate = z.strictObject({ programmeId: ZDbId, phase: z.number().int().min(1).max(20).default(1) });

/** A tour stop as the programme instance's page lists it. */
export const ZInstanceTourStop = z.object({
  stopId: z.number(),
  tourId: z.number(),
  tourTitle: z.string(),
  tourTitleHi: z.string().nullable(),
  leader: ZPersonRef,
  unit: ZUnitRef,
  startsAt: z.string(),
  endsAt: z.string(),
  isCancelled: z.boolean(),
});
export type TInstanceTourStop = z.infer<typeof ZInstanceTourStop>;

export const ZStop = z.object({
  id: z.number(),
  tourId: z.number(),
  unit: ZUnitRef.extend({ geoCode: z.string().nullable() }),
  startsAt: z.string(),
  endsAt: z.string(),
  purpose: z.enum(STOP_PURPOSES),
  meetingId: z.number().nullable(),
  programmeInstance: ZStopProgrammeInstance.nullable(),
  coordinator: ZPersonRef.extend({ phone: z.string(), isContactMasked: z.boolean() }).nullable(),
  notes: z.string().nullable(),
  conflicts: z.array(ZConflict),
  /** Photos of the stop report (ids for GET /api/v1/files/:id), oldest first. */
  photoFileIds: z.array(z.number()),
  uid: z.string(),
  isCancelled: z.boolean(),
  report: ZStopReport.nullable(),
  actions: z.object({ canEdit: z.boolean(), canReport: z.boolean() }),
});
export type TStop = z.infer<typeof ZStop>;

export const ZTour = z.object({
  id: z.number(),
  unit: ZUnitRef,
  leader: ZPersonRef,
  title: z.string(),
  titleHi: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  notes: z.string().nullable(),
  isCancelled: z.boolean(),
  stopCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.object({ canEdit: z.boolean() }),
});
export type TTour = z.infer<typeof ZTour>;
export const ZTourList = z.object({ items: z.array(ZTour), nextCursor: z.string().nullable() });
export const ZTourDetail = ZTour.extend({
  stops: z.array(ZStop),
  /** Stops at units outside the actor's jurisdiction, left out of `stops`. */
  hiddenStops: z.number(),
});
export type TTourDetail = z.infer<typeof ZTourDetail>;

export const ZCalendarQuery = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((q) => q.to >= q.from, { message: 'the end date is before the start date', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 62 * 86_400_000, { message: 'at most 62 days', path: ['to'] });

export const ZCalendarStop = ZStop.extend({
  tour: z.object({ id: z.number(), title: z.string(), titleHi: z.string().nullable() }),
  leader: ZPersonRef,
});
export type TCalendarStop = z.infer<typeof ZCalendarStop>;
export const ZCalendar = z.object({ items: z.array(ZCalendarStop), isTruncated: z.boolean() });
export type TCalendar = z.infer<typeof ZCalendar>;
