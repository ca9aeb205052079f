import type { TProgramme, TRollout } from '@samiti/common';
import { Alert, Badge, Button, CloseButton, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { type TUnitRef, UnitPicker } from '../../people/components/UnitPicker';
import { useLevels } from '../../units/hooks/useConfig';
import { useLevelLabel } from '../../units/hooks/useLevelLabel';
import { useRollOut } from '../hooks/useProgrammes';

type Props = { programme: TProgramme; opened: boolean; onClose: () => void };
type TKind = 'pc' | 'ac' | 'level' | 'list';

/** Roll a phase out: every PC, every AC or every unit of a level under a unit; a repeat adds nothing. */
const RolloutForm = ({ programme, onClose }: Omit<Props, 'opened'>) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const rollout = useRollOut(programme.id);
  const levels = useLevels();
  const levelLabel = useLevelLabel();
  const [kind, setKind] = useState<TKind>('pc');
  const [level, setLevel] = useState<string | null>(null);
  const [phase, setPhase] = useState(String(programme.phases[0]?.number ?? 1));
  const [under, setUnder] = useState<TUnitRef | null>(programme.unit);
  const [picked, setPicked] = useState<TUnitRef[]>([]);
  const issuerRank = levels.data?.find((l) => l.key === (under?.level ?? programme.unit.level))?.rank ?? -1;
  const below = (levels.data ?? []).filter((l) => l.rank > issuerRank);
  const result = rollout.data;
  const submit = () => {
    if (!under || (kind === 'level' && !level) || (kind === 'list' && picked.length === 0)) return;
    const target: TRollout['target'] =
      kind === 'list' ? { unitIds: picked.map((u) => u.id) } : kind === 'level' && level ? { level } : kind === 'ac' ? 'ac' : 'pc';
    rollout.mutate({ target, underUnitId: under.id, phase: Number(phase) });
  };
  return (
    <Stack data-testid="rollout-form">
      <Select
        label={t('programmes.phase')}
        data={programme.phases.map((p) => ({ value: String(p.number), label: `${p.number}. ${lang === 'hi' ? p.nameHi : p.name}` }))}
        value={phase}
        onChange={(v) => setPhase(v ?? '1')}
        allowDeselect={false}
        data-testid="rollout-phase"
      />
      <UnitPicker label={t('programmes.underUnit')} description={t('programmes.underUnitHelp')} value={under} onChange={setUnder} />
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as TKind)}
        data={[
          { value: 'pc', label: t('programmes.targetPc') },
          { value: 'ac', label: t('programmes.targetAc') },
          { value: 'level', label: t('programmes.targetLevel') },
          { value: 'list', label: t('programmes.targetList') },
        ]}
        data-testid="rollout-kind"
      />
      {kind === 'level' && (
        <Select
          label={t('programmes.level')}
          data={below.map((l) => ({ value: l.key, label: levelLabel(l.key) }))}
          value={level}
          onChange={setLevel}
          data-testid="rollout-level"
        />
      )}
      {kind === 'list' && (
        <Stack gap={4}>
          <UnitPicker
            label={t('programmes.addUnit')}
            value={null}
            onChange={(u) => u && setPicked((ps) => (ps.some((p) => p.id === u.id) ? ps : [...ps, u]))}
          />
          <Group gap={4}>
            {picked.map((u) => (
              <Badge
                key={u.id}
                variant="light"
                rightSection={
                  <CloseButton
                    size="xs"
                    onClick={() => setPicked((ps) => ps.filter((p) => p.id !== u.id))}
                    aria-label={t('programmes.remove')}
                  />
                }
              >
                {lang === 'hi' ? (u.nameHi ?? u.name) : u.name}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
      {rollout.isError && (
        <Alert color="red" role="alert">
          {errorText(rollout.error, t)}
        </Alert>
      )}
      {result?.job && (
        <Alert color="blue" data-testid="rollout-result">
          <Text size="sm">{t('programmes.rolloutQueued', { total: formatNumber(result.job.total, lang) })}</Text>
        </Alert>
      )}
      {result && !result.job && (
        <Alert color={result.created > 0 ? 'green' : 'blue'} data-testid="rollout-result">
          <Text size="sm">
            {t('programmes.rolloutResult', { created: formatNumber(result.created, lang), existing: formatNumber(result.existing, lang) })}
          </Text>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.close')}
        </Button>
        <Button
          onClick={submit}
          loading={rollout.isPending}
          disabled={!under || (kind === 'level' && !level) || (kind === 'list' && picked.length === 0)}
          data-testid="rollout-submit"
        >
          {t('programmes.rollOut')}
        </Button>
      </Group>
    </Stack>
  );
};

export const RolloutModal = ({ opened, ...rest }: Props) => {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={rest.onClose} title={t('programmes.rollOut')} size="lg">
      {opened && <RolloutForm {...rest} />}
    </Modal>
  );
};
