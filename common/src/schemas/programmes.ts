import { z } from 'zod';
import { ZName } from './common';
import { ZUnitRef } from './membership';
import { ZPersonRef } from './training';

const ZDbId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZSegmentKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a segment key: lower-case letters, digits and dashes');

export const INSTANCE_STATUSES = ['not-planned', 'planned', 'held', 'reported', 'cancelled'] as const;
export type TInstanceStatus = (typeof INSTANCE_STATUSES)[number];

export const ZSegment = z.object({ key: z.string(), name: z.string(), nameHi: z.string(), isArchived: z.boolean() });
export type TSegment = z.infer<typeof ZSegment>;
export const ZSegmentCreate = z.strictObject({ key: ZSegmentKey, name: ZName, nameHi: ZName });
export type TSegmentCreate = z.infer<typeof ZSegmentCreate>;

export const ZPhaseInput = z.strictObject({ name: ZName, nameHi: ZName, dueDate: z.iso.date().optional() });

export const ZProgrammeCreate = z.strictObject({
  /** The issuing unit: its office bearers roll the programme out under its area. */
  unitId: ZDbId,
  name: ZName,
  nameHi: ZName,
  description: ZText(4000).optional(),
  wing: z.string().min(1).max(40).optional(),
  /** Who the events are for (audience segment keys), never who a person is. */
  segments: z.array(ZSegmentKey).min(1).max(20),
  /** Phase 1, 2, … in order. */
  phases: z.array(ZPhaseInput).min(1).max(20),
});
export type TProgrammeCreate = z.infer<typeof ZProgrammeCreate>;

export const ZProgrammePatch = z
  .strictObject({ name: ZName, nameHi: ZName, description: ZText(4000).nullable(), segments: z.array(ZSegmentKey).min(1).max(20) })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
export type TProgrammePatch = z.infer<typeof ZProgrammePatch>;

export const ZPhase = z.object({ id: z.number(), number: z.number(), name: z.string(), nameHi: z.string(), dueDate: z.string().nullable() });

export const ZProgrammeCounts = z.object({
  total: z.number(),
  notPlanned: z.number(),
  planned: z.number(),
  held: z.number(),
  reported: z.number(),
  cancelled: z.number(),
  /** Open (not planned / planned) with the planned date or the phase's due date past. */
  overdue: z.number(),
  /** Open instances without an in-charge. */
  vacant: z.number(),
});
export type TProgrammeCounts = z.infer<typeof ZProgrammeCounts>;

/** A roll-out built by the background job (above 5,000 targets): 'creating' until it is all in, or 'failed' with nothing kept. */
export const ZRolloutJob = z.object({
  id: z.number(),
  phase: z.number(),
  status: z.enum(['creating', 'ready', 'failed']),
  created: z.number(),
  total: z.number(),
  error: z.string().nullable(),
});
export type TRolloutJob = z.infer<typeof ZRolloutJob>;

export const ZProgramme = z.object({
  id: z.number(),
  unit: ZUnitRef,
  name: z.string(),
  nameHi: z.string(),
  description: z.string().nullable(),
  wing: z.string().nullable(),
  segments: z.array(ZSegment),
  phases: z.array(ZPhase),
  counts: ZProgrammeCounts,
  canRollOut: z.boolean(),
  /** Roll-outs still being built in the background (or failed): their events are not counted until ready. */
  rolloutJobs: z.array(ZRolloutJob),
  createdAt: z.string(),
});
export type TProgramme = z.infer<typeof ZProgramme>;

export const ZProgrammeListQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  q: ZText(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const ZRolloutTarget = z.union([
  z.enum(['pc', 'ac']),
  z.strictObject({ level: z.string().min(1).max(40) }),
  z.strictObject({ unitIds: z.array(ZDbId).min(1).max(5000) }),
]);
export type TRolloutTarget = z.infer<typeof ZRolloutTarget>;

export const ZRollout = z.strictObject({
  target: ZRolloutTarget,
  /** Whose area: the programme's unit or a unit under it. */
  underUnitId: ZDbId,
  phase: z.number().int().min(1).max(20),
});
export type TRollout = z.infer<typeof ZRollout>;
/** `job` is set when the roll-out runs in the background: `created` and `existing` are then 0 until it is ready. */
export const ZRolloutResult = z.object({ created: z.number(), existing: z.number(), phaseId: z.number(), job: ZRolloutJob.nullable().default(null) });

const ZTargetKey = z.string().regex(/^(pc|ac):[A-Z0-9-]{1,20}$|^unit:[0-9]{1,15}$/, 'pc:<code>, ac:<code> or unit:<id>');
export const ZClusterCreate = z.strictObject({
  name: ZName,
  nameHi: ZName.optional(),
  /** Targets: 'pc:S24-PC-3', 'ac:S24-AC-12' or 'unit:42', in the programme unit's area. Each may be in one cluster of the programme. */
  targets: z.array(ZTargetKey).min(1).max(5000),
  inChargePersonId: ZDbId.optional(),
});
export const ZCluster = z.object({ id: z.number(), name: z.string(), nameHi: z.string().nullable(), targets: z.number(), inCharge: ZPersonRef.nullable() });
export type TCluster = z.infer<typeof ZCluster>;
export const ZClusterListQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(100), cursor: z.string().max(200).optional() });
/** Rename, or appoint / replace (the earlier tenure is ended, kept on record) / end (null) the cluster in-charge. */
export const ZClusterPatch = z
  .strictObject({ name: ZName, nameHi: ZName.nullable(), inChargePersonId: ZDbId.nullable() })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
export type TClusterPatch = z.infer<typeof ZClusterPatch>;
/** Members to add (not in another cluster) and to remove (members of this one). */
export const ZClusterTargets = z.strictObject({ add: z.array(ZTargetKey).max(5000).default([]), remove: z.array(ZTargetKey).max(5000).default([]) });
export type TClusterTargets = z.infer<typeof ZClusterTargets>;
export const ZClusterDetail = ZCluster.extend({
  programmeId: z.number(),
  canEdit: z.boolean(),
  /** Every cluster in-charge tenure, newest first (the current one has no end). */
  inChargeHistory: z.array(ZPersonRef.extend({ tenureId: z.number(), since: z.string(), until: z.string().nullable() })),
});
export type TClusterDetail = z.infer<typeof ZClusterDetail>;
export const ZClusterTarget = z.object({ key: z.string(), name: z.string(), nameHi: z.string().nullable() });
export const ZClusterTargetsQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), cursor: z.string().max(200).optional() });

const ZAttendance = z.record(ZSegmentKey, z.number().int().min(0).max(10_000_000));

export const ZInstancePatch = z
  .strictObject({
    /** Appoints (or replaces) the in-charge: a tenure of post 'programme-in-charge'. null ends it. */
    inChargePersonId: ZDbId.nullable(),
    team: z.array(ZDbId).max(100),
    plannedDate: z.iso.date().nullable(),
    venue: ZText(300).nullable(),
    /** Moves to 'planned' (needs a date) or back to 'not-planned'; 'cancelled' needs a reason. */
    status: z.enum(['not-planned', 'planned', 'cancelled']),
    cancelReason: ZText(1000),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
export type TInstancePatch = z.infer<typeof ZInstancePatch>;

export const ZInstanceReport = z.strictObject({
  heldOn: z.iso.date(),
  /** Attendance count per audience segment key of the programme. */
  attendance: ZAttendance,
  notes: ZText(4000).optional(),
  /** false: held, report to follow; true (default): reported. */
  isFinal: z.boolean().default(true),
});
export type TInstanceReport = z.infer<typeof ZInstanceReport>;

export const ZInstance = z.object({
  id: z.number(),
  programmeId: z.number(),
  programmeName: z.string(),
  programmeNameHi: z.string(),
  phase: z.number(),
  targetKey: z.string(),
  geo: z.object({ code: z.string(), name: z.string(), nameHi: z.string().nullable(), kind: z.string() }).nullable(),
  unit: ZUnitRef.nullable(),
  scopeUnit: ZUnitRef,
  stateCode: z.string().nullable(),
  clusterId: z.number().nullable(),
  status: z.enum(INSTANCE_STATUSES),
  cancelReason: z.string().nullable(),
  plannedDate: z.string().nullable(),
  venue: z.string().nullable(),
  heldOn: z.string().nullable(),
  attendance: z.record(z.string(), z.number()).nullable(),
  notes: z.string().nullable(),
  inCharge: ZPersonRef.extend({ tenureId: z.number(), since: z.string() }).nullable(),
  team: z.array(ZPersonRef.extend({ role: z.string().nullable() })),
  photos: z.array(z.object({ id: z.number(), bytes: z.number() })),
  isOverdue: z.boolean(),
  canEdit: z.boolean(),
  updatedAt: z.string(),
});
export type TInstance = z.infer<typeof ZInstance>;

export const ZInstanceBrief = ZInstance.pick({
  id: true,
  phase: true,
  targetKey: true,
  geo: true,
  unit: true,
  stateCode: true,
  status: true,
  plannedDate: true,
  isOverdue: true,
}).extend({ inChargeName: z.string().nullable() });
export type TInstanceBrief = z.infer<typeof ZInstanceBrief>;

export const ZInstanceListQuery = z.object({
  phase: z.coerce.number().int().min(1).max(20).default(1),
  state: z.string().regex(/^[SU][0-9]{2}$/).optional(),
  status: z.enum([...INSTANCE_STATUSES, 'overdue', 'vacant']).optional(),
  q: ZText(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});

export const PROGRESS_SORTS = ['name', 'total', 'planned', 'held', 'reported', 'vacant'] as const;
export type TProgressSort = (typeof PROGRESS_SORTS)[number];
export const ZProgrammeProgressQuery = z.object({
  by: z.enum(['state', 'cluster', 'unit']).default('state'),
  phase: z.coerce.number().int().min(1).max(20).default(1),
  /** by=unit: whose children (default: the programme's unit). */
  unitId: z.coerce.number().int().positive().optional(),
  /** by=unit: the order of the child units (counts largest first, name A→Z) and the page. */
  sort: z.enum(PROGRESS_SORTS).default('name'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

export const ZProgrammeProgressRow = z.object({
  key: z.string(),
  name: z.string(),
  nameHi: z.string().nullable(),
  counts: ZProgrammeCounts,
  /** by=unit: the unit has children to drill into. */
  hasChildren: z.boolean(),
});
export type TProgrammeProgressRow = z.infer<typeof ZProgrammeProgressRow>;

export const ZProgrammeProgress = z.object({
  by: z.enum(['state', 'cluster', 'unit']),
  phase: z.number(),
  /** Nationally, i.e. the whole phase of the programme. */
  total: ZProgrammeCounts,
  rows: z.array(ZProgrammeProgressRow),
  /** by=unit: the next page of child units; null on the last page (and for by=state|cluster, which are never paged). */
  nextCursor: z.string().nullable(),
});
export type TProgrammeProgress = z.infer<typeof ZProgrammeProgress>;

export const ZMapQuery = z.object({
  phase: z.coerce.number().int().min(1).max(20).default(1),
  kind: z.enum(['pc', 'ac']).default('pc'),
  state: z.string().regex(/^[SU][0-9]{2}$/).optional(),
});
/** Per PC or AC code, the stage for the map: 0 not planned, 1 planned, 2 held, 3 reported, -1 cancelled. */
export const ZProgrammeMap = z.object({ values: z.record(z.string(), z.number()) });
export const STAGE_VALUE: Record<TInstanceStatus, number> = { 'not-planned': 0, planned: 1, held: 2, reported: 3, cancelled: -1 };
