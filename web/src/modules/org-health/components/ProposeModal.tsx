import { Alert, Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../../lib/names';
import { PeoplePicker, type TPickedPerson } from '../../meetings/components/PeoplePicker';
import type { TScorecard } from '../api';
import { useProposeReplacement } from '../hooks/useHealth';

/** Propose replacing the selected office bearers: a successor for each, or leave the post vacant. */
export const ProposeModal = ({ unitId, holders, onClose }: { unitId: number; holders: TScorecard[]; onClose: () => void }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [successors, setSuccessors] = useState<Record<number, TPickedPerson[]>>({});
  const [note, setNote] = useState('');
  const propose = useProposeReplacement();
  const submit = () =>
    propose.mutate(
      {
        unitId,
        note: note.trim() || undefined,
        items: holders.map((h) => ({ tenureId: h.tenureId, successorPersonId: successors[h.tenureId]?.[0]?.id ?? null })),
      },
      { onSuccess: onClose },
    );
  return (
    <Modal opened onClose={onClose} title={t('health.proposeTitle')} fullScreen={false} size="lg">
      <Stack gap="sm">
        {holders.map((h) => (
          <Stack key={h.tenureId} gap={4}>
            <Text size="sm" fw={600}>
              {`${displayName({ name: h.person.name ?? h.person.nameHi ?? '', nameHi: h.person.nameHi }, lang)} · ${lang === 'hi' ? h.postNameHi : h.postName} · ${displayName(h.unit, lang)}`}
            </Text>
            <PeoplePicker
              single
              label={t('health.successor')}
              description={t('health.successorHint')}
              value={successors[h.tenureId] ?? []}
              onChange={(p) => setSuccessors((s) => ({ ...s, [h.tenureId]: p }))}
              testId={`successor-${h.tenureId}`}
            />
          </Stack>
        ))}
        <Textarea label={t('health.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} />
        {propose.isError && (
          <Alert color="red" data-testid="propose-error">
            {propose.error.message}
          </Alert>
        )}
        <Button onClick={submit} loading={propose.isPending} data-testid="propose-submit">
          {t('health.proposeSubmit')}
        </Button>
      </Stack>
    </Modal>
  );
};
