import type { TPersonRef } from '@samiti/common';
import {
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { errorText } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { useStateOptions } from '../../elections/components/useStateOptions';
import { personName } from '../../people/names';
import { PersonPick } from '../../training/components/PersonPick';
import { fetchMap } from '../api';
import { useChangeClusterTargets, useCluster, useClusterTargets, useDeleteCluster, useUpdateCluster } from '../hooks/useProgrammes';

type Props = { clusterId: number; programmeId: number; phase: number; onClose: () => void };

/** Edits one cluster: its names, its in-charge (with the tenure history), its members, or deletes it once empty. */
export const ClusterEditor = ({ clusterId, programmeId, phase, onClose }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const cluster = useCluster(clusterId);
  const members = useClusterTargets(clusterId);
  const update = useUpdateCluster(clusterId);
  const change = useChangeClusterTargets(clusterId);
  const remove = useDeleteCluster(clusterId);
  const stateOptions = useStateOptions();
  const [name, setName] = useState('');
  const [nameHi, setNameHi] = useState('');
  const [inCharge, setInCharge] = useState<TPersonRef | null>(null);
  const [states, setStates] = useState<string[]>([]);
  const [kind, setKind] = useState<'pc' | 'ac'>('pc');
  const [isCollecting, setCollecting] = useState(false);
  const c = cluster.data;
  useEffect(() => {
    if (c) {
      setName(c.name);
      setNameHi(c.nameHi ?? '');
    }
  }, [c]);
  const addStates = async () => {
    setCollecting(true);
    try {
      const maps = await Promise.all(states.map((s) => fetchMap(programmeId, phase, kind, s)));
      const add = maps.flatMap((m) => Object.keys(m)).map((code) => `${kind}:${code}`);
      change.mutate({ add, remove: [] }, { onSuccess: () => setStates([]) });
    } finally {
      setCollecting(false);
    }
  };
  const error = update.error ?? change.error ?? remove.error;
  const body = () => {
    if (cluster.isPending) return <Skeleton height={200} />;
    if (cluster.isError || !c) return <ErrorState error={cluster.error} onRetry={() => void cluster.refetch()} />;
    return (
      <Stack gap="sm" data-testid="cluster-editor">
        {error && (
          <Alert color="red" role="alert">
            {errorText(error, t)}
          </Alert>
        )}
        <Group grow align="flex-end">
          <TextInput
            label={t('programmes.nameHi')}
            lang="hi"
            value={nameHi}
            onChange={(e) => setNameHi(e.currentTarget.value)}
            disabled={!c.canEdit}
          />
          <TextInput
            label={t('programmes.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            disabled={!c.canEdit}
          />
        </Group>
        {c.canEdit && (
          <Button
            style={{ alignSelf: 'flex-start' }}
            variant="light"
            disabled={!name.trim() || (name.trim() === c.name && (nameHi.trim() || null) === c.nameHi)}
            loading={update.isPending}
            onClick={() => update.mutate({ name: name.trim(), nameHi: nameHi.trim() || null })}
            data-testid="cluster-rename"
          >
            {t('programmes.saveNames')}
          </Button>
        )}
        <Divider label={t('programmes.clusterInCharge')} labelPosition="left" />
        <Text size="sm" data-testid="cluster-in-charge-now">
          {c.inCharge ? t('programmes.inChargeIs', { name: personName(c.inCharge, lang) }) : t('programmes.noInCharge')}
        </Text>
        {c.canEdit && (
          <Group align="flex-end">
            <PersonPick label={t('programmes.newInCharge')} value={inCharge} onChange={setInCharge} testId="cluster-new-in-charge" />
            <Button
              disabled={!inCharge}
              loading={update.isPending}
              onClick={() => inCharge && update.mutate({ inChargePersonId: inCharge.id }, { onSuccess: () => setInCharge(null) })}
              data-testid="cluster-appoint"
            >
              {c.inCharge ? t('programmes.replaceInCharge') : t('programmes.appointInCharge')}
            </Button>
            {c.inCharge && (
              <Button variant="subtle" color="red" loading={update.isPending} onClick={() => update.mutate({ inChargePersonId: null })}>
                {t('programmes.endInCharge')}
              </Button>
            )}
          </Group>
        )}
        {c.inChargeHistory.length > 0 && (
          <Table data-testid="cluster-in-charge-history">
            <Table.Tbody>
              {c.inChargeHistory.map((h) => (
                <Table.Tr key={h.tenureId}>
                  <Table.Td>{personName(h, lang)}</Table.Td>
                  <Table.Td>
                    {h.until
                      ? t('programmes.tenureFromTo', { from: h.since, to: h.until })
                      : t('programmes.tenureSince', { from: h.since })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Divider label={t('programmes.clusterTargets', { n: formatNumber(c.targets, lang) })} labelPosition="left" />
        <Table striped data-testid="cluster-members">
          <Table.Tbody>
            {members.items.map((m) => (
              <Table.Tr key={m.key} data-key={m.key}>
                <Table.Td>{lang === 'hi' ? (m.nameHi ?? m.name) : m.name}</Table.Td>
                <Table.Td c="dimmed">{m.key}</Table.Td>
                {c.canEdit && (
                  <Table.Td ta="right">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => change.mutate({ add: [], remove: [m.key] })}
                      loading={change.isPending}
                    >
                      {t('programmes.remove')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {members.hasNextPage && (
          <Button variant="subtle" onClick={() => void members.fetchNextPage()} loading={members.isFetchingNextPage}>
            {t('programmes.loadMore')}
          </Button>
        )}
        {c.canEdit && (
          <Group grow align="flex-end">
            <MultiSelect label={t('programmes.addStates')} data={stateOptions} value={states} onChange={setStates} searchable />
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v as 'pc' | 'ac')}
              data={[
                { value: 'pc', label: t('programmes.targetPc') },
                { value: 'ac', label: t('programmes.targetAc') },
              ]}
            />
            <Button disabled={states.length === 0} loading={change.isPending || isCollecting} onClick={() => void addStates()}>
              {t('programmes.addMembers')}
            </Button>
          </Group>
        )}
        {c.canEdit && (
          <Group justify="space-between" mt="sm">
            <Text size="xs" c="dimmed">
              {c.targets > 0 ? t('programmes.deleteNeedsEmpty') : ''}
            </Text>
            <Button
              color="red"
              variant="light"
              disabled={c.targets > 0}
              loading={remove.isPending}
              onClick={() => remove.mutate(undefined, { onSuccess: onClose })}
              data-testid="cluster-delete"
            >
              {t('programmes.deleteCluster')}
            </Button>
          </Group>
        )}
      </Stack>
    );
  };
  return (
    <Modal opened onClose={onClose} title={c ? (lang === 'hi' ? (c.nameHi ?? c.name) : c.name) : t('programmes.clusters')} size="lg">
      {body()}
    </Modal>
  );
};
