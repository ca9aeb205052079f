import type { TDuplicatePair, TPerson } from '@samiti/common';
import { Alert, Badge, Button, Group, Modal, Paper, Radio, SimpleGrid, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { errorText } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import type { TMergeResult } from '../api';
import { useDuplicates } from '../hooks/useDuplicates';
import { useMergePerson } from '../hooks/usePersonMutations';
import { canMergePair, defaultKeep, formatScore, mergeIds, scoreColor, type TKeep } from '../merge';
import { formatPhone, personName } from '../names';
import { PersonName } from './PersonName';

/** One side of a pair: names in both scripts, record number, mobile (as the server gives it) and home unit. */
const PersonCard = ({ person }: { person: TPerson }) => {
  const { t, i18n } = useTranslation();
  const unitName = displayName(person.homeUnit, i18n.resolvedLanguage ?? 'en');
  return (
    <Stack gap={2} style={{ minWidth: 0 }} data-person-id={person.id}>
      <PersonName person={person} personId={person.id} />
      <Text size="xs" c="dimmed">
        {t('people.recordId', { id: person.id })}
      </Text>
      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatPhone(person.phone)}
      </Text>
      <Text size="xs" c="dimmed" lang={scriptLang(unitName)} lineClamp={2}>
        {unitName}
      </Text>
    </Stack>
  );
};

type TMergeModalProps = { pair: TDuplicatePair | null; onClose: () => void; onMerged: (result: TMergeResult) => void };

/** Asks which of the pair to keep, says what moves, then merges the other into it. */
const MergeModal = ({ pair, onClose, onMerged }: TMergeModalProps) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const merge = useMergePerson();
  const [keep, setKeep] = useState<TKeep | null>(null);
  const chosen: TKeep = keep ?? (pair ? defaultKeep(pair) : 'a');
  const close = () => {
    merge.reset();
    setKeep(null);
    onClose();
  };
  const label = (p: TPerson) => `${personName(p, lang) || t('people.unnamed')} · ${t('people.recordId', { id: p.id })}`;

  return (
    <Modal opened={pair !== null} onClose={close} title={t('people.mergeTitle')}>
      {pair && (
        <Stack>
          <Radio.Group value={chosen} onChange={(v) => setKeep(v === 'b' ? 'b' : 'a')} label={t('people.mergeKeepLabel')}>
            <Stack gap="xs" mt="xs">
              <Radio value="a" label={label(pair.a)} description={formatPhone(pair.a.phone)} data-testid="merge-keep-a" />
              <Radio value="b" label={label(pair.b)} description={formatPhone(pair.b.phone)} data-testid="merge-keep-b" />
            </Stack>
          </Radio.Group>
          <Text size="sm" c="dimmed">
            {t('people.mergeBody')}
          </Text>
          {merge.isError && (
            <Alert color="red" role="alert">
              {errorText(merge.error, t)}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={merge.isPending}
              onClick={() =>
                merge.mutate(mergeIds(pair, chosen), {
                  onSuccess: (result) => {
                    onMerged(result);
                    close();
                  },
                })
              }
              data-testid="merge-confirm"
            >
              {t('people.mergeSubmit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
};

const DuplicatePairRow = ({ pair, onMerge }: { pair: TDuplicatePair; onMerge: (pair: TDuplicatePair) => void }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const first = personName(pair.a, lang) || t('people.unnamed');
  const second = personName(pair.b, lang) || t('people.unnamed');
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="li"
      aria-label={t('people.duplicatePairLabel', { first, second })}
      data-testid="duplicate-pair"
      data-pair={`${pair.a.id}-${pair.b.id}`}
    >
      <Stack gap="xs">
        <SimpleGrid cols={2} spacing="sm">
          <PersonCard person={pair.a} />
          <PersonCard person={pair.b} />
        </SimpleGrid>
        <Group justify="space-between" gap="xs">
          <Tooltip label={t('people.similarityHint')} events={{ hover: true, focus: true, touch: true }}>
            <Badge variant="light" color={scoreColor(pair.score)} data-testid="duplicate-score">
              {t('people.similarity', { score: formatScore(pair.score, lang) })}
            </Badge>
          </Tooltip>
          {canMergePair(pair) && (
            <Button size="sm" variant="light" onClick={() => onMerge(pair)} data-testid="merge-button">
              {t('people.merge')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
};

/** "Likely duplicates" among the people whose home unit is this unit, each pair side by side with a "Merge". */
export const DuplicatesPanel = ({ unitId }: { unitId: number }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const duplicates = useDuplicates(unitId);
  const [merging, setMerging] = useState<TDuplicatePair | null>(null);
  const [done, setDone] = useState<TMergeResult | null>(null);

  const body = () => {
    if (duplicates.isPending) {
      return (
        <Stack gap="xs" aria-busy="true">
          {[0, 1].map((i) => (
            <Skeleton key={i} height={96} radius="md" />
          ))}
        </Stack>
      );
    }
    if (duplicates.isError) return <ErrorState error={duplicates.error} onRetry={() => void duplicates.refetch()} />;
    if (duplicates.data.length === 0) return <EmptyState>{t('people.duplicatesEmpty')}</EmptyState>;
    return (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {duplicates.data.map((pair) => (
          <DuplicatePairRow key={`${pair.a.id}-${pair.b.id}`} pair={pair} onMerge={setMerging} />
        ))}
      </Stack>
    );
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="duplicates-title" data-testid="duplicates-list">
      <div>
        <Title order={3} size="h4" id="duplicates-title">
          {t('people.duplicatesTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('people.duplicatesHint')}
        </Text>
      </div>
      {done && (
        <Alert color="green" variant="light" role="status" withCloseButton onClose={() => setDone(null)} data-testid="merge-done">
          {t('people.mergeDone', {
            name: personName(done.person, lang) || t('people.unnamed'),
            tenures: formatNumber(done.tenures, lang),
            memberships: formatNumber(done.memberships, lang),
            enrolments: formatNumber(done.enrolments, lang),
          })}
        </Alert>
      )}
      {body()}
      <MergeModal pair={merging} onClose={() => setMerging(null)} onMerged={setDone} />
    </Stack>
  );
};
