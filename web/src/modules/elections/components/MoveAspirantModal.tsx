import type { TAspirant, TAspirantStage } from '@samiti/common';
import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { useMoveAspirant } from '../hooks/useElections';
import { moveNeedsReason, moveTargets } from '../pipeline';

/** Move an aspirant to another stage; going back or out asks for the reason the server will insist on. */
export const MoveAspirantModal = ({ aspirant, onClose }: { aspirant: TAspirant; onClose: () => void }) => {
  const { t } = useTranslation();
  const move = useMoveAspirant();
  const targets = moveTargets(aspirant.stage);
  const [to, setTo] = useState<TAspirantStage>(targets[0] ?? 'applied');
  const [reason, setReason] = useState('');
  const needs = moveNeedsReason(aspirant.stage, to);
  const tooShort = needs && reason.trim().length < 3;
  return (
    <Modal opened onClose={onClose} title={t('elections.moveTitle', { name: aspirant.person.name ?? aspirant.person.nameHi ?? '' })}>
      <Stack gap="sm" data-testid="move-form">
        <Select
          label={t('elections.moveTo')}
          data={targets.map((s) => ({ value: s, label: t(`elections.stages.${s}`) }))}
          value={to}
          onChange={(v) => v && setTo(v as TAspirantStage)}
          allowDeselect={false}
          data-testid="move-to"
        />
        <Textarea
          label={t('elections.reason')}
          description={needs ? t('elections.reasonRequired') : t('elections.reasonOptional')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required={needs}
          maxLength={500}
          data-testid="move-reason"
        />
        {move.isError && <Alert color="red">{errorText(move.error, t)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={tooShort}
            loading={move.isPending}
            onClick={() => move.mutate({ id: aspirant.id, to, reason: reason.trim() || undefined }, { onSuccess: onClose })}
            data-testid="move-submit"
          >
            {t('elections.move')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
