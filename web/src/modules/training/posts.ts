/** A session's RSVP count shown against capacity: whether another "yes" still fits. */
export const hasFreeSeat = (counts: { yes: number }, capacity: number) => counts.yes < capacity;

/** Share 0..1 as a whole percentage for display. */
export const percent = (share: number) => Math.round(share * 100);
