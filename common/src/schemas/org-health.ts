import { z } from 'zod';
import { ZPageQuery } from './common';

const ZIdIn = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ZText = (max: number) => z.string().trim().min(1).max(max);

/** Every health signal a unit can show; which apply depends on its level and on the data present. */
export const HEALTH_SIGNALS = [
  'postsFilled',
  'boothCommittee',
  'boothsCovered',
  'childrenOk',
  'lastMeeting',
  'attendance',
  'directivesOnTime',
  'directivesOverdue',
  'membership',
  'trained',
  'programmes',
  'election',
] as const;
export type THealthSignalKey = (typeof HEALTH_SIGNALS)[number];
export const HEALTH_STATES = ['ok', 'weak', 'no-data'] as const;
export type THealthState = (typeof HEALTH_STATES)[number];

/**
 * How each signal's threshold reads and the range a national admin may set: a minimum share in
 * percent, a minimum count, or a maximum (days since, number overdue).
 */
export const HEALTH_THRESHOLD_RULES: Record<
  THealthSignalKey,
  { kind: 'min' | 'max'; min: number; max: number; default: number; unit: 'percent' | 'count' | 'days' }
> = {
  postsFilled: { kind: 'min', min: 0, max: 100, default: 80, unit: 'percent' },
  boothCommittee: { kind: 'min', min: 1, max: 100, default: 10, unit: 'count' },
  boothsCovered: { kind: 'min', min: 0, max: 100, default: 75, unit: 'percent' },
  childrenOk: { kind: 'min', min: 0, max: 100, default: 75, unit: 'percent' },
  lastMeeting: { kind: 'max', min: 1, max: 3650, default: 45, unit: 'days' },
  attendance: { kind: 'min', min: 0, max: 100, default: 50, unit: 'percent' },
  directivesOnTime: { kind: 'min', min: 0, max: 100, default: 70, unit: 'percent' },
  directivesOverdue: { kind: 'max', min: 0, max: 100000, default: 0, unit: 'count' },
  membership: { kind: 'min', min: 0, max: 1000, default: 80, unit: 'percent' },
  trained: { kind: 'min', min: 0, max: 100, default: 50, unit: 'percent' },
  programmes: { kind: 'min', min: 0, max: 100, default: 80, unit: 'percent' },
  election: { kind: 'min', min: 0, max: 100, default: 30, unit: 'percent' },
};

export const ZHealthSignal = z.object({
  key: z.enum(HEALTH_SIGNALS),
  state: z.enum(HEALTH_STATES),
  /** The measured value in `unit` (a share in percent, a count or days); null without data. */
  value: z.number().nullable(),
  unit: z.enum(['percent', 'count', 'days']),
  threshold: z.number(),
  /** The facts behind the value, e.g. {filled: 4, total: 10}. */
  detail: z.record(z.string(), z.number().nullable()),
  /** In the caller's language: "booth committee 4 of 10", "no meeting for 74 days". */
  reason: z.string(),
});
export type THealthSignal = z.infer<typeof ZHealthSignal>;

export const ZHealthUnitRef = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  nameHi: z.string().nullable(),
  level: z.string(),
  childCount: z.number(),
  geoCode: z.string().nullable(),
});

export const ZUnitHealthRow = z.object({
  unit: ZHealthUnitRef,
  isWeak: z.boolean(),
  /** The reasons of the weak signals, in the caller's language. */
  reasons: z.array(z.string()),
  signals: z.array(ZHealthSignal),
});
export type TUnitHealthRow = z.infer<typeof ZUnitHealthRow>;

export const ZHealthTrendPoint = z.object({ week: z.string(), isWeak: z.boolean(), weak: z.array(z.enum(HEALTH_SIGNALS)) });
export const ZUnitHealth = ZUnitHealthRow.extend({ trend: z.array(ZHealthTrendPoint) });
export type TUnitHealth = z.infer<typeof ZUnitHealth>;

export const ZChildrenHealthQuery = ZPageQuery.extend({
  /** Sort by a signal's value, or the default: weak first, then by name. */
  sort: z.enum(['weak', 'name', ...HEALTH_SIGNALS]).default('weak'),
  order: z.enum(['asc', 'desc']).optional(),
});
export type TChildrenHealthQuery = z.infer<typeof ZChildrenHealthQuery>;
export const ZUnitHealthPage = z.object({ items: z.array(ZUnitHealthRow), nextCursor: z.string().nullable(), total: z.number() });
export type TUnitHealthPage = z.infer<typeof ZUnitHealthPage>;

/** The map's areas (states or ACs) and what colours them: the share of weak booths, or one signal. */
export const ZHealthMapQuery = z.object({ kind: z.enum(['state', 'ac']), signal: z.enum(HEALTH_SIGNALS).optional() });
export type THealthMapQuery = z.infer<typeof ZHealthMapQuery>;
export const ZHealthMap = z.object({
  kind: z.enum(['state', 'ac']),
  signal: z.enum(HEALTH_SIGNALS).nullable(),
  items: z.array(
    z.object({
      unitId: z.number(),
      geoCode: z.string(),
      booths: z.number(),
      weakShare: z.number().nullable(),
      /** With `signal`: the area unit's value of it and its state (null when the signal does not apply there). */
      value: z.number().nullable(),
      state: z.enum(HEALTH_STATES).nullable(),
    }),
  ),
});
export type THealthMap = z.infer<typeof ZHealthMap>;

export const ZWeakQuery = ZPageQuery.extend({ level: z.string().trim().min(1).max(40).default('booth') });
export type TWeakQuery = z.infer<typeof ZWeakQuery>;

export const ZHealthThreshold = z.object({
  level: z.string(),
  /** null: every wing of the level (unless the wing has its own value). */
  wing: z.string().nullable(),
  signal: z.enum(HEALTH_SIGNALS),
  value: z.number(),
  isDefault: z.boolean(),
  min: z.number(),
  max: z.number(),
  kind: z.enum(['min', 'max']),
  unit: z.enum(['percent', 'count', 'days']),
});
export type THealthThreshold = z.infer<typeof ZHealthThreshold>;
export const ZHealthThresholdList = z.object({ items: z.array(ZHealthThreshold), canEdit: z.boolean() });
export const ZHealthThresholdPut = z
  .object({
    items: z
      .array(
        z
          .object({
            level: z.string().trim().min(1).max(40),
            /** A wing's own value; omitted or null for every wing of the level. */
            wing: z.string().trim().min(1).max(40).nullable().default(null),
            signal: z.enum(HEALTH_SIGNALS),
            value: z.number(),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();
export const ZHealthThresholdQuery = z.object({ wing: z.string().trim().min(1).max(40).optional() });
export type THealthThresholdPut = z.infer<typeof ZHealthThresholdPut>;

/** Weights of the office-bearer score; each component is a share from 0 to 1. */
export const ZScoreWeights = z.object({
  wAttendance: z.coerce.number().min(0).max(10).default(1),
  wDirectives: z.coerce.number().min(0).max(10).default(1),
  wMembers: z.coerce.number().min(0).max(10).default(1),
  wActivity: z.coerce.number().min(0).max(10).default(1),
});
export const ZScorecardQuery = ZPageQuery.merge(ZScoreWeights).extend({
  underUnitId: z.coerce.number().int().positive(),
  level: z.string().trim().min(1).max(40).optional(),
  post: z.string().trim().min(1).max(60).optional(),
  wing: z.string().trim().min(1).max(40).optional(),
  inactive: z.enum(['true', 'false']).optional(),
  /** Inactive: score below this, or no activity for `inactiveDays`. */
  inactiveBelow: z.coerce.number().min(0).max(100).default(40),
  inactiveDays: z.coerce.number().int().min(1).max(3650).default(90),
  format: z.enum(['json', 'csv', 'xlsx', 'pdf']).default('json'),
  /** The language of a download's headers (a link cannot send Accept-Language). */
  lang: z.enum(['en', 'hi']).optional(),
});
export type TScorecardQuery = z.infer<typeof ZScorecardQuery>;

export const ZScorecard = z.object({
  tenureId: z.number(),
  person: z.object({ id: z.number(), name: z.string().nullable(), nameHi: z.string().nullable() }),
  unit: z.object({ id: z.number(), name: z.string(), nameHi: z.string().nullable(), level: z.string() }),
  post: z.string(),
  postName: z.string(),
  postNameHi: z.string(),
  startDate: z.string(),
  meetingsHeld: z.number(),
  meetingsInvited: z.number(),
  meetingsAttended: z.number(),
  directivesOnTime: z.number(),
  directivesLate: z.number(),
  directivesOverdue: z.number(),
  membersEnrolled: z.number(),
  membersVerified: z.number(),
  trainingsAttended: z.number(),
  lastActivityOn: z.string(),
  daysSinceActivity: z.number(),
  score: z.number(),
  isInactive: z.boolean(),
});
export type TScorecard = z.infer<typeof ZScorecard>;
export const ZScorecardPage = z.object({ items: z.array(ZScorecard), nextCursor: z.string().nullable(), formula: z.string() });

export const ZReplacementCreate = z
  .object({
    unitId: ZIdIn,
    note: ZText(1000).optional(),
    items: z
      .array(z.object({ tenureId: ZIdIn, successorPersonId: ZIdIn.nullable().default(null) }).strict())
      .min(1)
      .max(100),
  })
  .strict();
export type TReplacementCreate = z.infer<typeof ZReplacementCreate>;
export const ZReplacementReject = z.object({ reason: ZText(1000) }).strict();

const ZPersonRef = z.object({ id: z.number(), name: z.string().nullable(), nameHi: z.string().nullable() });
export const ZReplacement = z.object({
  id: z.number(),
  unitId: z.number(),
  status: z.enum(['proposed', 'approved', 'rejected']),
  note: z.string().nullable(),
  proposedBy: z.object({ id: z.number(), name: z.string() }),
  reviewedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  reviewedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  createdAt: z.string(),
  items: z.array(
    z.object({
      tenureId: z.number(),
      unitId: z.number(),
      post: z.string(),
      holder: ZPersonRef,
      successor: ZPersonRef.nullable(),
      newTenureId: z.number().nullable(),
    }),
  ),
  canReview: z.boolean(),
});
export type TReplacement = z.infer<typeof ZReplacement>;
export const ZReplacementList = z.object({ items: z.array(ZReplacement), nextCursor: z.string().nullable() });
