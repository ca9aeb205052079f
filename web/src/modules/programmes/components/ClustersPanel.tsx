import type { TPersonRef } from '@samiti/common';
import { Alert, Button, Group, MultiSelect, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { errorText } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { useStateOptions } from '../../elections/components/useStateOptions';
import { personName } from '../../people/names';
import { PersonPick } from '../../training/components/PersonPick';
import { fetchMap } from '../api';
import { useClusters, useCreateCluster } from '../hooks/useProgrammes';
import { ClusterEditor } from './ClusterEditor';

/** Clusters of the programme's PCs or ACs (made of whole states here) with a cluster in-charge. */
export const ClustersPanel = ({ programmeId, phase, canEdit }: { programmeId: number; phase: number; canEdit: boolean }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const clusters = useClusters(programmeId);
  const create = useCreateCluster(programmeId);
  const stateOptions = useStateOptions();
  const [name, setName] = useState('');
  const [nameHi, setNameHi] = useState('');
  const [kind, setKind] = useState<'pc' | 'ac'>('pc');
  const [states, setStates] = useState<string[]>([]);
  const [inCharge, setInCharge] = useState<TPersonRef | null>(null);
  const [isCollecting, setCollecting] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const submit = async () => {
    setCollecting(true);
    try {
      // The targets are the events of this phase in the chosen states (what the map shows for each).
      const maps = await Promise.all(states.map((s) => fetchMap(programmeId, phase, kind, s)));
      const targets = maps.flatMap((m) => Object.keys(m)).map((code) => `${kind}:${code}`);
      create.mutate(
        { name: name.trim(), nameHi: nameHi.trim() || undefined, targets, inChargePersonId: inCharge?.id },
        {
          onSuccess: () => {
            setName('');
            setNameHi('');
            setStates([]);
            setInCharge(null);
          },
        },
      );
    } finally {
      setCollecting(false);
    }
  };
  return (
    <Stack gap="sm" data-testid="clusters-panel">
      {editing !== null && <ClusterEditor clusterId={editing} programmeId={programmeId} phase={phase} onClose={() => setEditing(null)} />}
      {clusters.isError && <ErrorState error={clusters.error} onRetry={() => void clusters.refetch()} />}
      {clusters.data && clusters.data.length === 0 && <EmptyState>{t('programmes.noClusters')}</EmptyState>}
      {clusters.data && clusters.data.length > 0 && (
        <Table striped>
          <Table.Tbody>
            {clusters.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{lang === 'hi' ? (c.nameHi ?? c.name) : c.name}</Table.Td>
                <Table.Td ta="right">{t('programmes.clusterTargets', { n: formatNumber(c.targets, lang) })}</Table.Td>
                <Table.Td>
                  {c.inCharge ? t('programmes.inChargeIs', { name: personName(c.inCharge, lang) }) : t('programmes.noInCharge')}
                </Table.Td>
                <Table.Td ta="right">
                  <Button size="compact-sm" variant="subtle" onClick={() => setEditing(c.id)} data-testid="cluster-edit">
                    {canEdit ? t('programmes.edit') : t('programmes.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && (
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('programmes.newCluster')}
          </Text>
          <Group grow>
            <TextInput label={t('programmes.nameHi')} lang="hi" value={nameHi} onChange={(e) => setNameHi(e.currentTarget.value)} />
            <TextInput label={t('programmes.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          </Group>
          <Group grow align="flex-end">
            <MultiSelect label={t('programmes.clusterStates')} data={stateOptions} value={states} onChange={setStates} searchable />
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v as 'pc' | 'ac')}
              data={[
                { value: 'pc', label: t('programmes.targetPc') },
                { value: 'ac', label: t('programmes.targetAc') },
              ]}
            />
          </Group>
          <PersonPick label={t('programmes.clusterInCharge')} value={inCharge} onChange={setInCharge} testId="cluster-in-charge" />
          {create.isError && (
            <Alert color="red" role="alert">
              {errorText(create.error, t)}
            </Alert>
          )}
          <Button
            style={{ alignSelf: 'flex-start' }}
            disabled={!name.trim() || states.length === 0}
            loading={create.isPending || isCollecting}
            onClick={() => void submit()}
          >
            {t('programmes.createCluster')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
};
