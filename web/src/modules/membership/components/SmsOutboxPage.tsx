import { normalizePhone } from '@samiti/common';
import { Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import classes from '../../../components/Table.module.css';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { SEARCH_DEBOUNCE_MS } from '../../units/hooks/useUnitSearch';
import { formatPhone } from '../../people/names';
import type { TSmsOutboxEntry } from '../api';
import { useSmsOutbox } from '../hooks/useSmsOutbox';

const STATUS_COLOR: Record<TSmsOutboxEntry['status'], string> = { held: 'gray', sent: 'teal', failed: 'red' };

/** /sms-outbox — messages the system sent or holds (OTP codes), for admins of the units they concern. */
export const SmsOutboxPage = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  useDocumentTitle(`${t('outbox.title')} · ${t('app.name')}`);
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const parsed = debounced ? normalizePhone(debounced) : null;
  const phone = parsed?.ok ? parsed.e164 : '';
  const outbox = useSmsOutbox(phone);
  const { items } = outbox;

  const body = () => {
    if (outbox.isPending)
      return (
        <Stack gap="xs" aria-busy="true">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} height={48} radius="sm" />
          ))}
        </Stack>
      );
    if (outbox.isError && items.length === 0) return <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />;
    if (items.length === 0) return <EmptyState>{t('outbox.empty')}</EmptyState>;
    return (
      <Stack gap="xs">
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table verticalSpacing="xs" className={classes.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('outbox.colMessage')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr key={m.id} data-testid="outbox-row" data-status={m.status}>
                  <Table.Td>
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Text size="sm" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {t('outbox.colTo')}: {formatPhone(m.toPhone)}
                      </Text>
                      <Badge color={STATUS_COLOR[m.status]} variant="light" tt="none" style={{ flexShrink: 0 }}>
                        {t(`outbox.statuses.${m.status}`)}
                      </Badge>
                    </Group>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="outbox-body">
                      {m.body}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(m.createdAt, lang)} · {m.purpose} · {t('outbox.via', { provider: m.provider })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed">
            {t('people.shown', { shown: formatNumber(items.length, lang) })}
          </Text>
          {outbox.hasNextPage && (
            <Button variant="light" onClick={() => void outbox.fetchNextPage()} loading={outbox.isFetchingNextPage} data-testid="load-more">
              {t('common.loadMore')}
            </Button>
          )}
        </Group>
        {outbox.isFetchNextPageError && <ErrorState error={outbox.error} onRetry={() => void outbox.fetchNextPage()} />}
      </Stack>
    );
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('outbox.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('outbox.description')}
        </Text>
      </div>
      <TextInput
        type="search"
        label={t('outbox.filterPhone')}
        placeholder={t('outbox.filterPlaceholder')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={debounced && parsed && !parsed.ok ? t('personForm.errors.phoneInvalid') : undefined}
        inputMode="tel"
        autoComplete="off"
        maw={360}
        data-testid="outbox-phone"
      />
      <div data-testid="outbox-table">{body()}</div>
    </Stack>
  );
};
