import type { TUnit, TUnitSearchHit } from '@samiti/common';
import { Alert, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchCombobox } from '../../../components/SearchCombobox';
import { formError } from '../../../lib/errors';
import { displayName } from '../../../lib/names';
import { canBeNewParent } from '../move';
import { useLevels, useWings } from '../hooks/useConfig';
import { useAncestors } from '../hooks/useUnit';
import { usePatchUnit } from '../hooks/useUnitMutations';
import { useUnitSearch } from '../hooks/useUnitSearch';
import { UnitHitLabel } from './UnitHitLabel';

type Props = { unit: TUnit; opened: boolean; onClose: () => void };

const MoveBody = ({ unit, onClose }: Omit<Props, 'opened'>) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const { data: levels } = useLevels();
  const { data: wings } = useWings();
  const ancestors = useAncestors(unit.id);
  const patch = usePatchUnit(unit.id);
  const [text, setText] = useState('');
  const [target, setTarget] = useState<TUnitSearchHit | null>(null);
  // Search the whole wing; the server only returns units this user may see.
  const under = wings?.find((w) => w.key === unit.wing)?.rootUnitId ?? null;
  const { hits, isSearching, error, enabled } = useUnitSearch(text, under);
  const candidates = hits.filter((h) => canBeNewParent(h, unit, levels ?? []));
  const currentParent = ancestors.data?.at(-1);
  const problem = formError(patch.error, ['parentId'] as const, t);

  return (
    <Stack>
      <Text size="sm">{t('moveUnit.description')}</Text>
      {currentParent && (
        <Text size="sm">
          <Text span c="dimmed">
            {t('moveUnit.currentParent')}:{' '}
          </Text>
          {displayName(currentParent, lang)}
        </Text>
      )}
      {problem && problem.field === null && (
        <Alert color="red" role="alert">
          {problem.message}
        </Alert>
      )}
      <SearchCombobox<TUnitSearchHit>
        label={t('moveUnit.searchLabel')}
        placeholder={t('moveUnit.searchPlaceholder')}
        hint={t('units.searchHint')}
        value={text}
        onChange={(v) => {
          setText(v);
          setTarget(null);
          if (patch.isError) patch.reset();
        }}
        items={candidates}
        itemKey={(h) => String(h.id)}
        renderItem={(h) => <UnitHitLabel hit={h} />}
        onPick={(h) => {
          setTarget(h);
          setText(displayName(h, lang));
        }}
        isActive={enabled && target === null}
        isSearching={isSearching}
        error={error}
        fieldError={problem?.field === 'parentId' ? problem.message : undefined}
        testId="move-search"
        autoFocus
      />
      {target && (
        <Paper withBorder p="xs" radius="sm" bg="indigo.0">
          <UnitHitLabel hit={target} />
        </Paper>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          disabled={!target}
          loading={patch.isPending}
          onClick={() => target && patch.mutate({ parentId: target.id }, { onSuccess: onClose })}
          data-testid="move-submit"
        >
          {t('moveUnit.submit')}
        </Button>
      </Group>
    </Stack>
  );
};

/** Pick a new parent through unit search; the subtree moves with the unit. */
export const MoveUnitModal = ({ unit, opened, onClose }: Props) => {
  const { t, i18n } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      fullScreen={isPhone}
      title={t('moveUnit.title', { name: displayName(unit, i18n.resolvedLanguage ?? 'en') })}
    >
      <MoveBody unit={unit} onClose={onClose} />
    </Modal>
  );
};
