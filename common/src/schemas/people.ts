import { z } from 'zod';
import { ZName } from './common';

export const CONSENT_METHODS = ['written', 'verbal', 'online', 'sms-otp'] as const;
export const GENDERS = ['female', 'male', 'other'] as const;

export const ZConsent = z.object({
  purpose: z.string().trim().min(3).max(300),
  date: z.iso.date(),
  method: z.enum(CONSENT_METHODS),
});
export type TConsent = z.infer<typeof ZConsent>;

/** A person of the party: never a religion or caste field. Phone/EPIC arrive in any common writing. */
export const ZPersonCreate = z
  .object({
    name: ZName.optional(),
    nameHi: ZName.optional(),
    gender: z.enum(GENDERS).optional(),
    birthYear: z.number().int().min(1900).max(2030).optional(),
    phone: z.string().trim().min(1).max(30),
    epic: z.string().trim().min(1).max(20).optional(),
    homeUnitId: z.number().int().positive(),
    consent: ZConsent,
  })
  .refine((p) => p.name !== undefined || p.nameHi !== undefined, { message: 'a name in Hindi or English is required', path: ['name'] });
export type TPersonCreate = z.infer<typeof ZPersonCreate>;

export const ZPersonPatch = z
  .object({
    name: ZName.nullable().optional(),
    nameHi: ZName.nullable().optional(),
    gender: z.enum(GENDERS).nullable().optional(),
    birthYear: z.number().int().min(1900).max(2030).nullable().optional(),
    phone: z.string().trim().min(1).max(30).optional(),
    epic: z.string().trim().min(1).max(20).nullable().optional(),
    homeUnitId: z.number().int().positive().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type TPersonPatch = z.infer<typeof ZPersonPatch>;

export const ZPerson = z.object({
  id: z.number(),
  name: z.string().nullable(),
  nameHi: z.string().nullable(),
  /** Which of the two names the product transliterated from the other (null: both as given). */
  derivedName: z.enum(['name', 'nameHi']).nullable(),
  gender: z.enum(GENDERS).nullable(),
  birthYear: z.number().nullable(),
  /** Masked (+91 98XXX XX210) unless the actor's role needs the number. */
  phone: z.string(),
  epic: z.string().nullable(),
  isContactMasked: z.boolean(),
  homeUnit: z.object({ id: z.number(), name: z.string(), nameHi: z.string().nullable(), level: z.string() }),
  consent: ZConsent,
  /** The person's photo (`GET /api/v1/files/:id`), or null when none is on file. */
  photoFileId: z.number().nullable(),
  deletedAt: z.string().nullable(),
  /** Set when this record was merged into another (it is then deleted; unmerge brings it back). */
  mergedInto: z.number().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.object({ canEdit: z.boolean(), canDelete: z.boolean(), canRestore: z.boolean(), canAppoint: z.boolean() }),
});
export type TPerson = z.infer<typeof ZPerson>;

export const ZDuplicatePair = z.object({ a: ZPerson, b: ZPerson, score: z.number() });
export type TDuplicatePair = z.infer<typeof ZDuplicatePair>;
export const ZMergeResult = z.object({
  person: ZPerson,
  mergeId: z.number(),
  tenures: z.number(),
  memberships: z.number(),
  enrolments: z.number(),
  /** The retired record's photo, when the kept record had none and took it; else null. */
  movedPhotoFileId: z.number().nullable(),
});

export const ZPersonList = z.object({ items: z.array(ZPerson), nextCursor: z.string().nullable() });
