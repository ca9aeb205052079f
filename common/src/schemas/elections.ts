import { z } from 'zod';
import { ZName } from './common';
import { ZConsent } from './people';

export const ELECTION_TYPES = ['lok-sabha', 'vidhan-sabha', 'zila-panchayat', 'kshetra-panchayat', 'gram-panchayat', 'municipal'] as const;
export type TElectionType = (typeof ELECTION_TYPES)[number];
export const LOCAL_BODY_TYPES: readonly TElectionType[] = ['zila-panchayat', 'kshetra-panchayat', 'gram-panchayat', 'municipal'];

/** The aspirant pipeline in order; `candidate` and `not-selected` are the two ends. */
export const ASPIRANT_STAGES = ['applied', 'screened', 'shortlisted', 'interviewed', 'candidate', 'not-selected'] as const;
export type TAspirantStage = (typeof ASPIRANT_STAGES)[number];

export const SEAT_RESERVATIONS = ['GEN', 'SC', 'ST', 'OBC', 'women', 'SC-women', 'ST-women', 'OBC-women', 'BL', 'SANGHA'] as const;

const ZIsoDate = z.iso.date();
const ZStateCode = z.string().regex(/^[SU]\d{2}$/, 'an ECI state code such as S24');
const ZReason = z.string().trim().min(3).max(500);

export const ZElectionCreate = z
  .object({
    type: z.enum(ELECTION_TYPES),
    stateCode: ZStateCode.optional(),
    /** The unit that runs a local-body election and owns its seats (e.g. the district for zila panchayat). */
    unitId: z.number().int().positive().optional(),
    year: z.number().int().min(1951).max(2100),
    name: ZName,
    nameHi: ZName.optional(),
    pollDate: ZIsoDate.optional(),
    countingDate: ZIsoDate.optional(),
  })
  .strict();
export type TElectionCreate = z.infer<typeof ZElectionCreate>;

export const ZElectionPatch = z
  .object({
    name: ZName.optional(),
    nameHi: ZName.nullable().optional(),
    pollDate: ZIsoDate.nullable().optional(),
    countingDate: ZIsoDate.nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type TElectionPatch = z.infer<typeof ZElectionPatch>;

export const ZElection = z.object({
  id: z.number(),
  type: z.enum(ELECTION_TYPES),
  stateCode: z.string().nullable(),
  stateName: z.string().nullable(),
  stateNameHi: z.string().nullable(),
  unit: z.object({ id: z.number(), name: z.string(), nameHi: z.string().nullable() }).nullable(),
  year: z.number(),
  name: z.string(),
  nameHi: z.string().nullable(),
  pollDate: z.string().nullable(),
  countingDate: z.string().nullable(),
  isShipped: z.boolean(),
  seatCount: z.number(),
  /** Whether the public form takes applications for its seats (a seat may say otherwise). */
  applicationsOpen: z.boolean(),
  actions: z.object({ canEdit: z.boolean(), canImportResults: z.boolean(), canAddSeats: z.boolean(), canOpenApplications: z.boolean() }),
});
export type TElection = z.infer<typeof ZElection>;
export const ZElectionList = z.object({ items: z.array(ZElection), nextCursor: z.string().nullable() });

export const ZElectionListQuery = z.object({
  type: z.enum(ELECTION_TYPES).optional(),
  year: z.coerce.number().int().min(1951).max(2100).optional(),
  state: ZStateCode.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const ZSeat = z.object({
  id: z.number(),
  electionId: z.number(),
  code: z.string(),
  number: z.number().nullable(),
  name: z.string(),
  nameHi: z.string().nullable(),
  geoCode: z.string().nullable(),
  unit: z.object({ id: z.number(), name: z.string(), nameHi: z.string().nullable(), level: z.string() }).nullable(),
  reservation: z.string().nullable(),
  isRedrawn: z.boolean(),
  isUncontested: z.boolean(),
  /** The seat's own setting for public applications; null follows the election. */
  applicationsOpen: z.boolean().nullable(),
  aspirantCount: z.number(),
  hasCandidate: z.boolean(),
  winner: z.object({ candidate: z.string(), party: z.string(), votes: z.number() }).nullable(),
});
export type TSeat = z.infer<typeof ZSeat>;
export const ZSeatList = z.object({ items: z.array(ZSeat), nextCursor: z.string().nullable(), total: z.number() });
export const ZSeatListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  state: ZStateCode.optional(),
  coverage: z.enum(['no-aspirant', 'no-candidate', 'candidate']).optional(),
  limit: z.coerce.number().int().min(1).max(600).default(50),
  cursor: z.string().max(200).optional(),
});

/** A local-body seat typed in by hand (CSV import uses the same fields per row). */
export const ZSeatCreate = z
  .object({
    code: z.string().trim().min(1).max(40),
    number: z.number().int().positive().optional(),
    name: ZName,
    nameHi: ZName.optional(),
    unitId: z.number().int().positive().optional(),
    reservation: z.enum(SEAT_RESERVATIONS).optional(),
  })
  .strict();
export type TSeatCreate = z.infer<typeof ZSeatCreate>;

export const ZSeatPatch = z
  .object({
    name: ZName.optional(),
    nameHi: ZName.nullable().optional(),
    reservation: z.enum(SEAT_RESERVATIONS).nullable().optional(),
    unitId: z.number().int().positive().nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type TSeatPatch = z.infer<typeof ZSeatPatch>;

export const ZAspirantCreate = z
  .object({
    personId: z.number().int().positive().optional(),
    /** A new or existing person by phone/EPIC: the people module's dedupe applies. */
    person: z
      .object({
        name: ZName.optional(),
        nameHi: ZName.optional(),
        phone: z.string().trim().min(1).max(30),
        epic: z.string().trim().min(1).max(20).optional(),
        homeUnitId: z.number().int().positive(),
        consent: ZConsent,
      })
      .refine((p) => p.name !== undefined || p.nameHi !== undefined, { message: 'a name in Hindi or English is required', path: ['name'] })
      .optional(),
    statement: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((b) => (b.personId === undefined) !== (b.person === undefined), {
    message: 'give either personId or person',
    path: ['personId'],
  });
export type TAspirantCreate = z.infer<typeof ZAspirantCreate>;

export const ZAspirantMove = z.object({ to: z.enum(ASPIRANT_STAGES), reason: ZReason.optional() }).strict();

export const ZStageMove = z.object({
  id: z.number(),
  from: z.enum(ASPIRANT_STAGES).nullable(),
  to: z.enum(ASPIRANT_STAGES),
  reason: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string(),
});

export const ZAspirant = z.object({
  id: z.number(),
  seatId: z.number(),
  stage: z.enum(ASPIRANT_STAGES),
  statement: z.string().nullable(),
  person: z.object({
    id: z.number(),
    name: z.string().nullable(),
    nameHi: z.string().nullable(),
    phone: z.string(),
    isContactMasked: z.boolean(),
  }),
  /** The party record: posts held (from tenures), current ones first. */
  posts: z.array(
    z.object({
      unitName: z.string(),
      unitNameHi: z.string().nullable(),
      post: z.string(),
      startDate: z.string(),
      endDate: z.string().nullable(),
    }),
  ),
  membersEnrolled: z.number(),
  /** Training sessions the person was marked present at. */
  trainingsAttended: z.number(),
  /** Courses completed: present at as many sessions as the course requires. */
  trainingsCompleted: z.array(z.object({ courseId: z.number(), name: z.string(), nameHi: z.string().nullable(), sessions: z.number() })),
  /** Programme events the person was in charge of or on the team of, newest first (at most 20). */
  programmes: z.array(
    z.object({
      instanceId: z.number(),
      programme: z.string(),
      programmeHi: z.string(),
      role: z.enum(['in-charge', 'team']),
      status: z.string(),
      heldOn: z.string().nullable(),
    }),
  ),
  programmeCount: z.number(),
  /** How the aspirant came in: entered by an office bearer or the public form with an OTP. */
  channel: z.enum(['office', 'public']),
  documentCount: z.number(),
  history: z.array(ZStageMove),
  /** Mean score per criterion over screeners, and the total of those means. */
  scores: z.array(z.object({ criterionId: z.number(), mean: z.number(), screeners: z.number() })),
  totalScore: z.number().nullable(),
  createdAt: z.string(),
  actions: z.object({ canMove: z.boolean(), canScore: z.boolean() }),
});
export type TAspirant = z.infer<typeof ZAspirant>;

export const ZCriterionCreate = z
  .object({ name: ZName, nameHi: ZName.optional(), maxScore: z.number().int().min(1).max(100), sort: z.number().int().optional() })
  .strict();
export const ZCriterion = z.object({
  id: z.number(),
  name: z.string(),
  nameHi: z.string().nullable(),
  maxScore: z.number(),
  sort: z.number(),
});
export const ZScoreBody = z
  .object({
    scores: z
      .array(
        z.object({ criterionId: z.number().int().positive(), score: z.number().int().min(0), note: z.string().trim().max(500).optional() }),
      )
      .min(1)
      .max(50),
  })
  .strict();

export const ZSeatAspirants = z.object({ seat: ZSeat, criteria: z.array(ZCriterion), items: z.array(ZAspirant), canAdd: z.boolean() });

export const ZCoverage = z.object({
  electionId: z.number(),
  seats: z.number(),
  withAspirants: z.number(),
  withCandidate: z.number(),
  aspirants: z.number(),
  byStage: z.record(z.string(), z.number()),
});

export const ZImportRowError = z.object({ line: z.number(), field: z.string().optional(), message: z.string() });
export const ZImportReport = z.object({
  isDryRun: z.boolean(),
  rows: z.number(),
  seats: z.number(),
  written: z.number(),
  /** Parties not known before, created by the import (names as written in the file). */
  newParties: z.array(z.string()),
  errors: z.array(ZImportRowError),
});
export type TImportReport = z.infer<typeof ZImportReport>;

export const ZPartyRef = z.object({ key: z.string(), short: z.string().nullable(), name: z.string(), nameHi: z.string().nullable() });
export type TPartyRef = z.infer<typeof ZPartyRef>;

export const ZPartySummary = ZPartyRef.extend({
  seatsWon: z.number(),
  votes: z.number(),
  share: z.number().nullable(),
  previousSeatsWon: z.number().nullable(),
  previousShare: z.number().nullable(),
});

export const ZSeatResultLine = z.object({
  seatId: z.number(),
  code: z.string(),
  name: z.string(),
  nameHi: z.string().nullable(),
  stateCode: z.string().nullable(),
  winner: z.object({ candidate: z.string(), party: ZPartyRef, votes: z.number(), share: z.number().nullable() }).nullable(),
  margin: z.number().nullable(),
  /** The chosen party (query `party`, else "ours") in this seat. */
  party: z
    .object({
      votes: z.number(),
      share: z.number().nullable(),
      rank: z.number(),
      previousShare: z.number().nullable(),
      swing: z.number().nullable(),
    })
    .nullable(),
  isRedrawn: z.boolean(),
  isUncontested: z.boolean(),
});

export const ZElectionResults = z.object({
  election: ZElection,
  previousElectionId: z.number().nullable(),
  party: ZPartyRef.nullable(),
  totalVotes: z.number(),
  seatsWithResults: z.number(),
  parties: z.array(ZPartySummary),
  seats: z.array(ZSeatResultLine),
});

export const ZCandidateResult = z.object({
  serial: z.number().nullable(),
  candidate: z.string(),
  party: ZPartyRef,
  votes: z.number(),
  share: z.number().nullable(),
  rank: z.number().nullable(),
});

export const ZBoothLine = z.object({
  acCode: z.string(),
  partNumber: z.number(),
  name: z.string().nullable(),
  votes: z.number(),
  total: z.number(),
  share: z.number().nullable(),
  previousShare: z.number().nullable(),
  change: z.number().nullable(),
});

export const ZSeatResult = z.object({
  seat: ZSeat,
  election: z.object({ id: z.number(), name: z.string(), nameHi: z.string().nullable(), year: z.number(), type: z.enum(ELECTION_TYPES) }),
  totalVotes: z.number(),
  candidates: z.array(ZCandidateResult),
  winner: ZCandidateResult.nullable(),
  margin: z.number().nullable(),
  party: ZPartyRef.nullable(),
  partyResult: z
    .object({
      votes: z.number(),
      share: z.number().nullable(),
      rank: z.number().nullable(),
      margin: z.number().nullable(),
      previousShare: z.number().nullable(),
      swing: z.number().nullable(),
    })
    .nullable(),
  previous: z
    .object({ electionId: z.number(), seatId: z.number(), year: z.number(), winner: ZCandidateResult.nullable(), isRedrawn: z.boolean() })
    .nullable(),
  booths: z.array(ZBoothLine),
  /** The party's units there: the seat's own unit, or the assembly units inside the constituency. */
  units: z.array(
    z.object({ id: z.number(), name: z.string(), nameHi: z.string().nullable(), level: z.string(), officeBearers: z.number() }),
  ),
});

export const ZElectionSetting = z.object({ ourParty: ZPartyRef.nullable(), canEdit: z.boolean() });
export const ZElectionSettingBody = z.object({ ourParty: z.string().trim().min(1).max(200).nullable() }).strict();
export const ZPartyList = z.object({ items: z.array(ZPartyRef) });

export const ZApplicationsBody = z.object({ open: z.boolean() }).strict();
export const ZSeatApplicationsBody = z.object({ open: z.boolean().nullable() }).strict();

export const ZPublicSeat = z.object({
  id: z.number(),
  code: z.string(),
  number: z.number().nullable(),
  name: z.string(),
  nameHi: z.string().nullable(),
  reservation: z.string().nullable(),
  isOpen: z.boolean(),
});
export type TPublicSeat = z.infer<typeof ZPublicSeat>;
/** An election on the public application form: the seats taking applications, paged. */
export const ZPublicElection = z.object({
  id: z.number(),
  type: z.enum(ELECTION_TYPES),
  year: z.number(),
  name: z.string(),
  nameHi: z.string().nullable(),
  stateName: z.string().nullable(),
  stateNameHi: z.string().nullable(),
  seats: z.array(ZPublicSeat),
  nextCursor: z.string().nullable(),
});
export type TPublicElection = z.infer<typeof ZPublicElection>;
export const ZPublicPageQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});
export const ZPublicUnitList = z.object({
  items: z.array(z.object({ id: z.number(), name: z.string(), nameHi: z.string().nullable(), level: z.string(), hasChildren: z.boolean() })),
  nextCursor: z.string().nullable(),
});
export const ZAspirantApplyBody = z
  .object({
    phone: z.string().trim().min(1).max(30),
    otp: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'six digits'),
    name: ZName.optional(),
    nameHi: ZName.optional(),
    epic: z.string().trim().min(1).max(20).optional(),
    homeUnitId: z.number().int().positive(),
    statement: z.string().trim().min(1).max(2000),
    consent: z.literal(true),
  })
  .strict()
  .refine((p) => p.name !== undefined || p.nameHi !== undefined, { message: 'a name in Hindi or English is required', path: ['name'] });
export type TAspirantApplyBody = z.infer<typeof ZAspirantApplyBody>;
const ZNamed = z.object({ id: z.number(), name: z.string(), nameHi: z.string().nullable() });
export const ZAspirantApplyResult = z.object({ aspirantId: z.number(), seat: ZNamed, election: ZNamed });

export const ZAspirantDocument = z.object({
  id: z.number(),
  fileId: z.number(),
  name: z.string(),
  label: z.string().nullable(),
  mime: z.string(),
  bytes: z.number(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type TAspirantDocument = z.infer<typeof ZAspirantDocument>;
export const ZAspirantDocumentList = z.object({ items: z.array(ZAspirantDocument), nextCursor: z.string().nullable(), canUpload: z.boolean() });

/** A results file imported in the background (candidate-wise or booth-wise), with its progress. */
export const ZElectionImportJob = z.object({
  id: z.number(),
  electionId: z.number(),
  kind: z.enum(['results', 'booth-results']),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  processed: z.number(),
  total: z.number(),
  report: ZImportReport.nullable(),
  error: z.string().nullable(),
  fileName: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TElectionImportJob = z.infer<typeof ZElectionImportJob>;
