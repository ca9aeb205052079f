import { useInfiniteQuery } from '@tanstack/react-query';
import { driveKeys, fetchOutbox, type TSmsOutboxEntry } from '../api';

/** The SMS outbox, newest first, 50 at a time; `phone` (E.164 or empty) narrows it to one number. */
export const useSmsOutbox = (phone: string) => {
  const query = useInfiniteQuery({
    queryKey: [...driveKeys.outbox, phone],
    queryFn: ({ pageParam, signal }) => fetchOutbox(pageParam, phone, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items: TSmsOutboxEntry[] = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, items };
};
