import { z } from 'zod';
import { ZName } from './common';
import { ZConsent } from './people';

export const MEMBERSHIP_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type TMembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const VERIFY_METHODS = ['otp', 'epic', 'photo'] as const;
export type TVerifyMethod = (typeof VERIFY_METHODS)[number];
export const ENROL_CHANNELS = ['enroller', 'self'] as const;

const ZUnitId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ZTarget = z.number().int().min(0).max(1_000_000_000);
const ZPhoneText = z.string().trim().min(1).max(30);

export const ZUnitRef = z.object({ id: z.number(), name: z.string(), nameHi: z.string().nullable(), level: z.string() });

export const ZDriveCreate = z
  .object({
    name: ZName,
    nameHi: ZName.optional(),
    /** The unit that runs the drive; the drive covers its subtree. */
    unitId: ZUnitId,
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    /** A member becomes active after this many verified enrolments of their own. */
    activeRuleMinVerified: z.number().int().min(1).max(100_000).default(25),
    allowSelfEnrol: z.boolean().default(true),
  })
  .refine((d) => d.endsOn >= d.startsOn, { message: 'the end date is before the start date', path: ['endsOn'] });
export type TDriveCreate = z.infer<typeof ZDriveCreate>;
export type TDriveCreateInput = z.input<typeof ZDriveCreate>;

export const ZDrive = z.object({
  id: z.number(),
  name: z.string(),
  nameHi: z.string().nullable(),
  unit: ZUnitRef,
  startsOn: z.string(),
  endsOn: z.string(),
  activeRuleMinVerified: z.number(),
  allowSelfEnrol: z.boolean(),
  /** Today (India time) falls between the start and end dates. */
  isOpen: z.boolean(),
  createdAt: z.string(),
  actions: z.object({ canSetTargets: z.boolean(), canEnrol: z.boolean() }),
});
export type TDrive = z.infer<typeof ZDrive>;
export const ZDriveList = z.object({ items: z.array(ZDrive) });

/** What the public self-enrolment page may know of a drive. */
export const ZPublicDrive = z.object({
  id: z.number(),
  name: z.string(),
  nameHi: z.string().nullable(),
  unit: ZUnitRef,
  startsOn: z.string(),
  endsOn: z.string(),
  isOpen: z.boolean(),
  allowSelfEnrol: z.boolean(),
});
export type TPublicDrive = z.infer<typeof ZPublicDrive>;

/**
 * Targets: either explicit per unit, or one total divided among a unit's children in proportion
 * to the size of each child's subtree (1 + its descendant count, a proxy for its booths).
 */
export const ZTargetSet = z
  .object({
    targets: z
      .array(z.object({ unitId: ZUnitId, target: ZTarget }))
      .min(1)
      .max(5000)
      .optional(),
    unitId: ZUnitId.optional(),
    total: ZTarget.optional(),
    divideDown: z.literal(true).optional(),
  })
  .superRefine((b, ctx) => {
    const isDivide = b.divideDown === true || b.total !== undefined || b.unitId !== undefined;
    if (b.targets !== undefined && isDivide)
      ctx.addIssue({ code: 'custom', message: 'give either targets or unitId, total and divideDown', path: ['targets'] });
    else if (b.targets === undefined && !isDivide)
      ctx.addIssue({ code: 'custom', message: 'give targets, or unitId, total and divideDown', path: ['targets'] });
    else if (isDivide) {
      for (const key of ['unitId', 'total', 'divideDown'] as const) {
        if (b[key] === undefined) ctx.addIssue({ code: 'custom', message: 'required to divide a target down', path: [key] });
      }
    }
  });
export type TTargetSet = z.infer<typeof ZTargetSet>;
export const ZTargetResult = z.object({ items: z.array(z.object({ unitId: z.number(), target: z.number() })) });
export type TTargetResult = z.infer<typeof ZTargetResult>;

export const ZNewMember = z
  .object({
    name: ZName.optional(),
    nameHi: ZName.optional(),
    phone: ZPhoneText,
    epic: z.string().trim().min(1).max(20).optional(),
    consent: ZConsent,
  })
  .refine((p) => p.name !== undefined || p.nameHi !== undefined, { message: 'a name in Hindi or English is required', path: ['name'] });

/** An enroller enrols a known person (`personId`) or one given inline (reused when the phone/EPIC is known). */
export const ZEnrolBody = z
  .object({
    personId: ZUnitId.optional(),
    person: ZNewMember.optional(),
    unitId: ZUnitId,
    /** A designated enroller (e.g. the booth president who collected the form); else the user is credited. */
    enrollerPersonId: ZUnitId.optional(),
  })
  .refine((b) => (b.personId === undefined) !== (b.person === undefined), { message: 'give either personId or person', path: ['person'] });
export type TEnrolBody = z.infer<typeof ZEnrolBody>;

export const ZVerifyBody = z.object({ method: z.enum(VERIFY_METHODS) });
export const ZRejectBody = z.object({ reason: z.string().trim().min(1).max(500) });

export const ZEnroller = z.object({
  kind: z.enum(['person', 'user']),
  id: z.number(),
  name: z.string().nullable(),
  nameHi: z.string().nullable(),
});

export const ZMembership = z.object({
  id: z.number(),
  driveId: z.number(),
  person: z.object({
    id: z.number(),
    name: z.string().nullable(),
    nameHi: z.string().nullable(),
    phone: z.string(),
    isContactMasked: z.boolean(),
  }),
  unit: ZUnitRef,
  channel: z.enum(ENROL_CHANNELS),
  status: z.enum(MEMBERSHIP_STATUSES),
  method: z.enum(VERIFY_METHODS).nullable(),
  rejectionReason: z.string().nullable(),
  enrolledBy: ZEnroller.nullable(),
  /** Verified members this person has enrolled in the drive, and whether that meets the active-member rule. */
  verifiedEnrolments: z.number(),
  isActive: z.boolean(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  actions: z.object({ canVerify: z.boolean(), canReject: z.boolean() }),
});
export type TMembership = z.infer<typeof ZMembership>;
export const ZMembershipList = z.object({ items: z.array(ZMembership), nextCursor: z.string().nullable() });

export const ZProgressRow = z.object({
  unit: ZUnitRef,
  enrolled: z.number(),
  verified: z.number(),
  rejected: z.number(),
  /** The unit's own target (null when none was set). */
  target: z.number().nullable(),
});
export const ZProgress = z.object({
  driveId: z.number(),
  unit: ZProgressRow,
  /** Sum of the children's targets, to compare with the unit's own. */
  childTargetSum: z.number(),
  children: z.array(ZProgressRow),
});
export type TProgress = z.infer<typeof ZProgress>;

export const ZLeaderboard = z.object({
  driveId: z.number(),
  unitId: z.number(),
  activeRuleMinVerified: z.number(),
  items: z.array(ZEnroller.extend({ rank: z.number(), enrolled: z.number(), verified: z.number(), isActive: z.boolean() })),
});
export type TLeaderboard = z.infer<typeof ZLeaderboard>;

export const ZOtpRequest = z.object({ phone: ZPhoneText });
export const ZOtpSent = z.object({ expiresAt: z.string(), phone: z.string() });

export const ZSelfEnrolBody = z
  .object({
    phone: ZPhoneText,
    otp: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'six digits'),
    name: ZName.optional(),
    nameHi: ZName.optional(),
    unitId: ZUnitId,
    consent: z.literal(true),
  })
  .refine((p) => p.name !== undefined || p.nameHi !== undefined, { message: 'a name in Hindi or English is required', path: ['name'] });
export type TSelfEnrolBody = z.infer<typeof ZSelfEnrolBody>;
export const ZSelfEnrolResult = z.object({ membershipId: z.number(), status: z.enum(MEMBERSHIP_STATUSES), unit: ZUnitRef });

export const ZSmsOutboxEntry = z.object({
  id: z.number(),
  toPhone: z.string(),
  body: z.string(),
  purpose: z.string(),
  provider: z.string(),
  status: z.enum(['held', 'sent', 'failed']),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const ZSmsOutbox = z.object({ items: z.array(ZSmsOutboxEntry), nextCursor: z.string().nullable() });
