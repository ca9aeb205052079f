import type { THealthThreshold } from '@samiti/common';
import { Alert, Button, Group, NumberInput, Paper, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { displayName } from '../../../lib/names';
import { useLevels, useWings } from '../../units/hooks/useConfig';
import { fetchThresholds, healthKeys, putThresholds } from '../api';

const ALL = '';

/**
 * Thresholds per level, for every wing or one wing's own (a wing without its own value uses the
 * level's). Everyone sees them; national admins change them. A value out of range is refused by
 * the server with the field named.
 */
export const ThresholdsPanel = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const levels = useLevels();
  const wings = useWings();
  const [wing, setWing] = useState<string>(ALL);
  const [level, setLevel] = useState<string>('booth');
  const [edits, setEdits] = useState<Record<string, number>>({});
  const client = useQueryClient();
  const list = useQuery({
    queryKey: [...healthKeys.all, 'thresholds', wing],
    queryFn: ({ signal }) => fetchThresholds(wing || null, signal),
  });
  const save = useMutation({
    mutationFn: () =>
      putThresholds(
        Object.entries(edits).map(([signal, value]) => ({
          level,
          wing: wing || null,
          signal: signal as THealthThreshold['signal'],
          value,
        })),
      ),
    onSuccess: async () => {
      setEdits({});
      await client.invalidateQueries({ queryKey: healthKeys.all });
    },
  });
  const rows = (list.data?.items ?? []).filter((i) => i.level === level);
  return (
    <Paper withBorder radius="md" p="sm" data-testid="health-thresholds">
      <Stack gap="xs">
        <Text fw={600}>{t('health.thresholdsTitle')}</Text>
        <Group grow>
          <Select
            label={t('health.thresholdsWing')}
            data={[
              { value: ALL, label: t('health.thresholdsAllWings') },
              ...(wings.data ?? []).map((w) => ({ value: w.key, label: displayName(w, lang) })),
            ]}
            value={wing}
            onChange={(v) => {
              setWing(v ?? ALL);
              setEdits({});
            }}
            allowDeselect={false}
            data-testid="thresholds-wing"
          />
          <Select
            label={t('health.thresholdsLevel')}
            data={(levels.data ?? []).map((l) => ({ value: l.key, label: displayName(l, lang) }))}
            value={level}
            onChange={(v) => {
              setLevel(v ?? 'booth');
              setEdits({});
            }}
            allowDeselect={false}
            data-testid="thresholds-level"
          />
        </Group>
        {list.isPending && <Skeleton height={120} />}
        {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && (
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.signal} data-testid="threshold-row" data-signal={r.signal} data-default={r.isDefault}>
                  <Table.Td>
                    <Text size="sm">{t(`health.signal.${r.signal}`)}</Text>
                    <Text size="xs" c="dimmed">
                      {t(r.kind === 'min' ? 'health.thresholdsAtLeast' : 'health.thresholdsAtMost', { min: r.min, max: r.max })}
                      {r.isDefault ? ` · ${t('health.thresholdsInherited')}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td w={130}>
                    <NumberInput
                      size="xs"
                      value={edits[r.signal] ?? r.value}
                      onChange={(v) => setEdits((e) => ({ ...e, [r.signal]: Number(v) }))}
                      disabled={!list.data.canEdit}
                      aria-label={t(`health.signal.${r.signal}`)}
                      data-testid={`threshold-${r.signal}`}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {save.isError && (
          <Alert color="red" data-testid="thresholds-error">
            {save.error.message}
          </Alert>
        )}
        {list.data?.canEdit && (
          <Button
            size="xs"
            onClick={() => save.mutate()}
            disabled={Object.keys(edits).length === 0}
            loading={save.isPending}
            data-testid="thresholds-save"
          >
            {t('health.thresholdsSave')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
};
