import { z } from 'zod';

export const ZId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Error body every failing endpoint returns. */
export const ZError = z.object({
  error: z.string(),
  message: z.string(),
  requestId: z.string(),
  field: z.string().optional(),
  existingId: z.number().optional(),
});
export type TError = z.infer<typeof ZError>;

/** Keyset pagination: `cursor` is opaque to clients. */
export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});

/** A human name: trimmed, 1–200 characters, no control characters. */
export const ZName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]*$/u, 'control characters are not allowed');

/** Text typed into a search box: 1–200 characters, no control characters. */
export const ZSearchText = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]*$/u, 'control characters are not allowed');
