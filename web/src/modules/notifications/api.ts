import type { TNotificationList } from '@samiti/common';
import { api } from '../../lib/api';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unread: ['notifications', 'unread'] as const,
};

export const fetchNotifications = (signal?: AbortSignal) => api<TNotificationList>('/me/notifications', { query: { limit: 20 }, signal });
export const fetchUnread = (signal?: AbortSignal) => api<{ unread: number }>('/me/notifications/unread-count', { signal });
export const markRead = (id: number) => api<{ marked: number; unread: number }>(`/notifications/${id}/read`, { method: 'POST' });
export const markAllRead = () => api<{ marked: number; unread: number }>('/me/notifications/read-all', { method: 'POST' });

/**
 * Where a notification leads: the circular's page for a circular, the notice's own link for other
 * modules' notices, the inbox for assignments and reminders.
 */
export const notificationHref = (n: { kind: string; circularId: number | null; link: string | null }) => {
  if (n.kind === 'circular' && n.circularId !== null) return `/circulars/${n.circularId}`;
  return n.link ?? '/my-assignments';
};
