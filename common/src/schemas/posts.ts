import { z } from 'zod';

export const END_REASONS = ['resigned', 'removed', 'inactive', 'promoted', 'deceased', 'term-ended'] as const;
export type TEndReason = (typeof END_REASONS)[number];

export const ZPostKey = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9-]*$/, 'a post key such as president or booth-agent');

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
  /** At most this many holders. */
  seats: z.number(),
  /** At least this many for the unit's committee to count as complete (0: optional post). */
  minSeats: z.number(),
  holders: z.array(ZHolder),
  vacant: z.number(),
});
export type TPostSlot = z.infer<typeof ZPostSlot>;

export const ZUnitPosts = z.object({
  unitId: z.number(),
  level: z.string(),
  filled: z.number(),
  total: z.number(),
  /** For booths: the booth committee is complete when every post has at least its minimum (`total` is the sum of minimums). */
  isComplete: z.boolean(),
  /** The template the unit follows: its wing's own for the level, or the default. */
  templateSource: z.enum(['default', 'wing']),
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

/** A stable post key: lowercase English words joined by single hyphens (`general-secretary`). */
export const ZPostSlug = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'a stable key of lowercase English words joined by hyphens, such as general-secretary');

const DEVANAGARI = /[\u0900-\u097F]/;

export const ZTemplatePost = z.object({
  key: ZPostSlug,
  name: z.string().trim().min(1).max(100),
  nameHi: z.string().trim().min(1).max(100).regex(DEVANAGARI, 'a Hindi label in Devanagari'),
  /** At least this many holders for the committee to be complete (0 for an optional post). */
  minSeats: z.number().int().min(0).max(100),
  /** At most this many holders at once. */
  maxSeats: z.number().int().min(1).max(100),
});
export type TTemplatePost = z.infer<typeof ZTemplatePost>;

export const ZPostTemplateBody = z.object({
  posts: z
    .array(ZTemplatePost)
    .min(1)
    .max(50)
    .superRefine((posts, c) => {
      const seen = new Set<string>();
      posts.forEach((p, i) => {
        if (seen.has(p.key)) c.addIssue({ code: 'custom', path: [i, 'key'], message: `the post key ${p.key} appears twice` });
        seen.add(p.key);
        if (p.minSeats > p.maxSeats) c.addIssue({ code: 'custom', path: [i, 'minSeats'], message: 'the minimum is more than the maximum' });
      });
    }),
});
export type TPostTemplateBody = z.infer<typeof ZPostTemplateBody>;

export const ZPostTemplate = z.object({
  level: z.string(),
  levelName: z.string(),
  levelNameHi: z.string(),
  /** `main` for the default template (used by every wing without its own for the level). */
  wing: z.string(),
  /** `wing` when the wing has its own template for the level, else `default`. */
  source: z.enum(['default', 'wing']),
  posts: z.array(ZTemplatePost),
  /** Seats that must be filled for a complete committee (sum of minimums) and the most it may hold. */
  minTotal: z.number(),
  maxTotal: z.number(),
  canEdit: z.boolean(),
});
export type TPostTemplate = z.infer<typeof ZPostTemplate>;
