import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchNotifications, fetchUnread, markAllRead, markRead, notificationKeys } from '../api';

/** The bell's count, refreshed every minute (and on focus): cheap, one partial-index count. */
export const useUnreadCount = () => useQuery({ queryKey: notificationKeys.unread, queryFn: ({ signal }) => fetchUnread(signal), refetchInterval: 60_000 });

export const useNotifications = (enabled: boolean) => useQuery({ queryKey: notificationKeys.list, queryFn: ({ signal }) => fetchNotifications(signal), enabled });

export const useMarkRead = () => {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: number | null) => (id === null ? markAllRead() : markRead(id)), onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }) });
};
