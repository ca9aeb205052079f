/** The default post keys (migration 0002's templates) offered when inviting by post; the server checks them against each level. */
export const INVITE_POSTS = [
  'president',
  'vice-president',
  'general-secretary',
  'secretary',
  'treasurer',
  'spokesperson',
  'in-charge',
  'convenor',
  'co-convenor',
  'booth-agent',
  'whatsapp-in-charge',
  'member',
] as const;

/** A session's RSVP count shown against capacity: whether another "yes" still fits. */
export const hasFreeSeat = (counts: { yes: number }, capacity: number) => counts.yes < capacity;

/** Share 0..1 as a whole percentage for display. */
export const percent = (share: number) => Math.round(share * 100);
