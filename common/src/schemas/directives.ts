import { z } from 'zod';

const ZIdIn = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ZKey = z.string().trim().min(1).max(40).regex(/^[a-z][a-z0-9-]*$/, 'a key such as president or booth');
// Free text may hold line breaks and tabs, not other control characters.
const ZText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'control characters are not allowed');

export const ASSIGNMENT_STATUSES = ['new', 'acknowledged', 'in-progress', 'done', 'declined'] as const;
export type TAssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const OPEN_STATUSES = ['new', 'acknowledged', 'in-progress'] as const;
export const RECEIPT_STATUSES = ['new', 'received', 'acknowledged'] as const;
export type TReceiptStatus = (typeof RECEIPT_STATUSES)[number];

/** Exactly one of the four targets. A cascade addresses every live unit of `level` under the issuer. */
export const ZDirectiveTarget = z.union([
  z.object({ unitId: ZIdIn }).strict(),
  z.object({ postOf: z.object({ unitId: ZIdIn, post: ZKey }).strict() }).strict(),
  z.object({ personId: ZIdIn }).strict(),
  z.object({ cascade: z.object({ level: ZKey, post: ZKey }).strict() }).strict(),
]);
export type TDirectiveTarget = z.infer<typeof ZDirectiveTarget>;

export const ZDirectiveCreate = z.object({
  fromMeetingId: ZIdIn.optional(),
  unitId: ZIdIn,
  text: ZText(4000),
  dueDate: z.iso.date(),
  target: ZDirectiveTarget,
});
export type TDirectiveCreate = z.infer<typeof ZDirectiveCreate>;

export const ZDirectivePatch = z
  .object({ text: ZText(4000).optional(), dueDate: z.iso.date().optional() })
  .strict()
  .refine((v) => v.text !== undefined || v.dueDate !== undefined, { message: 'nothing to change' });

export const ZUnitBrief = z.object({ id: z.number(), name: z.string(), nameHi: z.string().nullable(), level: z.string() });

/** n of N by state, for a unit's subtree within one directive (or circular). */
export const ZCounts = z.object({
  total: z.number(),
  vacant: z.number(),
  new: z.number(),
  acknowledged: z.number(),
  inProgress: z.number(),
  done: z.number(),
  declined: z.number(),
  /** Open items past the due date (0 until the due date has passed). */
  overdue: z.number(),
});
export type TCounts = z.infer<typeof ZCounts>;

export const ZDirective = z.object({
  id: z.number(),
  unit: ZUnitBrief,
  meetingId: z.number().nullable(),
  text: z.string(),
  dueDate: z.string(),
  isOverdue: z.boolean(),
  target: z.object({
    kind: z.enum(['unit', 'post', 'person', 'cascade']),
    unitId: z.number().nullable(),
    level: z.string().nullable(),
    post: z.string().nullable(),
    personId: z.number().nullable(),
  }),
  status: z.enum(['creating', 'ready', 'failed']),
  counts: ZCounts,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** Office bearers of the issuing unit may correct the text and due date. */
  actions: z.object({ canEdit: z.boolean() }),
});
export type TDirective = z.infer<typeof ZDirective>;
export const ZDirectiveList = z.object({ items: z.array(ZDirective), nextCursor: z.string().nullable() });
export type TDirectiveList = z.infer<typeof ZDirectiveList>;

/** A large cascade runs as a job: 202 with this, then poll `GET /directives/:id/job`. */
export const ZDirectiveJob = z.object({
  id: z.number(),
  status: z.enum(['creating', 'ready', 'failed']),
  created: z.number(),
  total: z.number(),
  error: z.string().nullable(),
});
export type TDirectiveJob = z.infer<typeof ZDirectiveJob>;

export const ZRollupRow = z.object({ unit: ZUnitBrief, counts: ZCounts, hasChildren: z.boolean() });
export type TRollupRow = z.infer<typeof ZRollupRow>;
export const ZRollup = z.object({
  subject: z.enum(['directive', 'circular']),
  subjectId: z.number(),
  unit: ZUnitBrief,
  /** Units from the issuer down to `unit`, for breadcrumbs. */
  trail: z.array(ZUnitBrief),
  counts: ZCounts,
  children: z.array(ZRollupRow),
  nextCursor: z.string().nullable(),
});
export type TRollup = z.infer<typeof ZRollup>;

export const ZReportNumbers = z.record(z.string().trim().min(1).max(60), z.number().finite()).refine((r) => Object.keys(r).length <= 30, {
  message: 'at most 30 numbers',
});

export const ZAssignment = z.object({
  id: z.number(),
  directiveId: z.number(),
  directiveText: z.string(),
  issuer: ZUnitBrief,
  dueDate: z.string(),
  unit: ZUnitBrief,
  post: z.string().nullable(),
  person: z.object({ id: z.number(), name: z.string().nullable(), nameHi: z.string().nullable() }).nullable(),
  isVacant: z.boolean(),
  status: z.enum(ASSIGNMENT_STATUSES),
  isOverdue: z.boolean(),
  report: z.object({ text: z.string().nullable(), numbers: z.record(z.string(), z.number()).nullable(), photoFileIds: z.array(z.number()) }),
  declineReason: z.string().nullable(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  actions: z.object({ canAct: z.boolean() }),
});
export type TAssignment = z.infer<typeof ZAssignment>;
export const ZAssignmentList = z.object({ items: z.array(ZAssignment), nextCursor: z.string().nullable() });
export type TAssignmentList = z.infer<typeof ZAssignmentList>;

export const ZProgressBody = z.object({ text: ZText(4000).optional(), numbers: ZReportNumbers.optional() }).strict();
export const ZCompleteBody = z.object({ text: ZText(4000), numbers: ZReportNumbers.optional() }).strict();
export const ZDeclineBody = z.object({ reason: ZText(1000) }).strict();

export const ZCircularCreate = z.object({
  unitId: ZIdIn,
  title: ZText(300),
  body: ZText(20000),
  /** Only units of this level in the sender's subtree; the whole subtree when omitted. */
  level: ZKey.optional(),
});
export type TCircularCreate = z.infer<typeof ZCircularCreate>;

export const ZCircular = z.object({
  id: z.number(),
  unit: ZUnitBrief,
  title: z.string(),
  body: z.string(),
  level: z.string().nullable(),
  counts: ZCounts,
  /** The receipts of units in the actor's jurisdiction that the actor may acknowledge. */
  myReceipts: z.array(z.object({ id: z.number(), unit: ZUnitBrief, status: z.enum(RECEIPT_STATUSES) })),
  /** Images attached to the circular (served by GET /api/v1/files/:id). */
  attachmentFileIds: z.array(z.number()),
  /** The same files in order, saying which are PDFs (shown as links, not thumbnails). */
  attachments: z.array(z.object({ fileId: z.number(), isPdf: z.boolean() })),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type TCircular = z.infer<typeof ZCircular>;
export const ZCircularBrief = ZCircular.omit({ body: true, myReceipts: true, attachmentFileIds: true, attachments: true });
export const ZCircularList = z.object({ items: z.array(ZCircularBrief), nextCursor: z.string().nullable() });
export type TCircularList = z.infer<typeof ZCircularList>;

/**
 * Every kind of in-app notification. The first four point at an assignment or a circular; the others
 * carry their own line in both languages and a link (migration 0019, `notifyUsers`/`notifyPeople`).
 */
export const NOTIFICATION_KINDS = [
  'assignment',
  'due-soon',
  'overdue',
  'circular',
  'programme-in-charge',
  'programme-overdue',
  'replacement-proposed',
  'replacement-approved',
  'replacement-rejected',
  'training-invitation',
  'aspirant-stage',
] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const ZNotification = z.object({
  id: z.number(),
  kind: z.enum(NOTIFICATION_KINDS),
  assignmentId: z.number().nullable(),
  directiveId: z.number().nullable(),
  circularId: z.number().nullable(),
  /** The directive text, the circular title, or the notice's own line in the reader's language. */
  text: z.string(),
  /** Where the notice leads in the web app (a path), when it is not an assignment or a circular. */
  link: z.string().nullable(),
  dueDate: z.string().nullable(),
  isRead: z.boolean(),
  createdAt: z.string(),
});
export type TNotification = z.infer<typeof ZNotification>;
export const ZNotificationList = z.object({ items: z.array(ZNotification), unread: z.number(), nextCursor: z.string().nullable() });
export type TNotificationList = z.infer<typeof ZNotificationList>;
