import { ActionIcon, Button, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDate, formatNumber } from '../../../lib/format';
import { notificationHref } from '../api';
import { useMarkRead, useNotifications, useUnreadCount } from '../hooks/useNotifications';

// Drawn here: the machines that show this may have no emoji font (a bell character shows as a box).
const BellIcon = () => (
  <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
  </svg>
);

/** The header bell: unread count, the latest notifications, a click opens one and marks it read. */
export const NotificationBell = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount();
  const list = useNotifications(opened);
  const mark = useMarkRead();
  const count = unread.data?.unread ?? 0;
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} withinPortal shadow="md">
      <Popover.Target>
        <Indicator label={formatNumber(count, lang)} size={16} disabled={count === 0} color="red" offset={4}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={t('notifications.bell', { n: formatNumber(count, lang) })}
            data-testid="notification-bell"
            data-unread={count}
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('notifications.title')}
          </Text>
          <ScrollArea.Autosize mah={360}>
            {list.data?.items.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('notifications.empty')}
              </Text>
            )}
            {list.data?.items.map((n) => (
              <UnstyledButton
                key={n.id}
                p={6}
                w="100%"
                style={{ borderRadius: 6, background: n.isRead ? undefined : 'var(--mantine-color-blue-0)' }}
                onClick={() => {
                  if (!n.isRead) mark.mutate(n.id);
                  setOpened(false);
                  void navigate(notificationHref(n));
                }}
                data-testid="notification-item"
              >
                <Text size="xs" c="dimmed">
                  {t(`notifications.kind.${n.kind}`)}
                  {n.dueDate ? ` · ${t('notifications.due', { date: formatDate(n.dueDate, lang) })}` : ''}
                </Text>
                <Text size="sm" lineClamp={2}>
                  {n.text}
                </Text>
              </UnstyledButton>
            ))}
          </ScrollArea.Autosize>
          <Button size="xs" variant="subtle" onClick={() => mark.mutate(null)} disabled={count === 0}>
            {t('notifications.markAll')}
          </Button>
          <Button
            size="xs"
            variant="light"
            onClick={() => {
              setOpened(false);
              void navigate('/my-assignments');
            }}
            data-testid="nav-my-assignments"
          >
            {t('directives.mine.title')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
};
