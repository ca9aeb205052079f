import { z } from 'zod';

export const END_REASONS = ['resigned', 'removed', 'inactive', 'promoted', 'deceased', 'term-ended'] as const;
export type TEndReason = (typeof END_REASONS)[number];

export const ZPostKey = z.string().trim().min(1).max(40).regex(/^[a-z][a-z0-9-]*$/, 'a post key such as president or booth-agent');

export const ZHolder = z.object({
  tenureId: z.number(),
  personId: z.number(),
  name: z.string().nullable(),
  nameHi: z.string().nullable(),
  startDate: z.string(),
  /** An in-charge (prabhari) placed from outside the unit's subtree. */
  isFromOutside: z.boolean(),
});

export const ZPostSlot = z.object({
  post: z.string(),
  name: z.string(),
  nameHi: z.string(),
  seats: z.number(),
  holders: z.array(ZHolder),
  vacant: z.number(),
});
export type TPostSlot = z.infer<typeof ZPostSlot>;

export const ZUnitPosts = z.object({
  unitId: z.number(),
  level: z.string(),
  filled: z.number(),
  total: z.number(),
  /** For booths: the booth committee is complete when every seat is filled. */
  isComplete: z.boolean(),
  slots: z.array(ZPostSlot),
  canAppoint: z.boolean(),
});
export type TUnitPosts = z.infer<typeof ZUnitPosts>;

export const ZTenure = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  unitNameHi: z.string().nullable(),
  unitLevel: z.string(),
  post: z.string(),
  postName: z.string(),
  postNameHi: z.string(),
  personId: z.number(),
  personName: z.string().nullable(),
  personNameHi: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  isFromOutside: z.boolean(),
  isCurrent: z.boolean(),
});
export type TTenure = z.infer<typeof ZTenure>;

export const ZAppointBody = z.object({
  unitId: z.number().int().positive(),
  post: ZPostKey,
  personId: z.number().int().positive(),
  startDate: z.iso.date(),
});
export const ZEndBody = z.object({ endDate: z.iso.date(), reason: z.enum(END_REASONS) });
export const ZReplaceBody = z.object({ personId: z.number().int().positive(), date: z.iso.date(), reason: z.enum(END_REASONS) });
