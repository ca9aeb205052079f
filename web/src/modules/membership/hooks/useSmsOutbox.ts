import { useCursorQuery } from '../../../lib/cursor';
import { driveKeys, fetchOutbox, type TSmsOutboxEntry } from '../api';

/** The SMS outbox, newest first, 50 at a time; `phone` (E.164 or empty) narrows it to one number. */
export const useSmsOutbox = (phone: string) =>
  useCursorQuery<TSmsOutboxEntry>([...driveKeys.outbox, phone], (cursor, signal) => fetchOutbox(cursor, phone, signal));
