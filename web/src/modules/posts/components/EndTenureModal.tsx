import type { TEndReason, TPostSlot } from '@samiti/common';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../lib/dates';
import { formError } from '../../../lib/errors';
import { pickNames } from '../../../lib/names';
import { personName } from '../../people/names';
import { useEndTenure } from '../hooks/useTenureMutations';
import { type TDateProblem, type THolder, tenureDateProblem } from '../slots';
import { DateField, ReasonField } from './TenureFields';

export type THolderTarget = { slot: TPostSlot; holder: THolder };
type Props = { target: THolderTarget | null; opened: boolean; onClose: () => void };
const FIELDS = ['endDate', 'reason'] as const;

const EndBody = ({ target, onClose }: { target: THolderTarget; onClose: () => void }) => {
  const { t } = useTranslation();
  const today = todayIso();
  const end = useEndTenure();
  const [endDate, setEndDate] = useState(today);
  const [reason, setReason] = useState<TEndReason | null>(null);
  const [problems, setProblems] = useState<{ date?: TDateProblem; reason?: boolean }>({});
  const server = formError(end.error, FIELDS, t);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = { date: tenureDateProblem(endDate, today, target.holder.startDate) ?? undefined, reason: reason === null };
    setProblems(found);
    if (found.date || !reason) return;
    end.mutate({ tenureId: target.holder.tenureId, body: { endDate, reason } }, { onSuccess: onClose });
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="end-tenure-form">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('posts.endBody')}
        </Text>
        {server && server.field === null && (
          <Alert color="red" role="alert">
            {server.message}
          </Alert>
        )}
        <DateField
          label={t('posts.endDate')}
          value={endDate}
          min={target.holder.startDate.slice(0, 10)}
          max={today}
          onChange={(v) => {
            setEndDate(v);
            setProblems((x) => ({ ...x, date: undefined }));
            if (end.isError) end.reset();
          }}
          error={problems.date ? t(`posts.dateErrors.${problems.date}`) : server?.field === 'endDate' ? server.message : undefined}
          testId="end-date"
        />
        <ReasonField
          value={reason}
          onChange={(v) => {
            setReason(v);
            setProblems((x) => ({ ...x, reason: false }));
            if (end.isError) end.reset();
          }}
          error={problems.reason ? t('posts.reasonRequired') : server?.field === 'reason' ? server.message : undefined}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={end.isPending} data-testid="end-tenure-submit">
            {t('posts.endTenure')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/** End a holder's tenure on a date, for a reason; the seat becomes vacant and the tenure stays in the history. */
export const EndTenureModal = ({ target, opened, onClose }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const isPhone = useMediaQuery('(max-width: 36em)');
  const title = target
    ? t('posts.endTitle', { name: personName(target.holder, lang) || t('people.unnamed'), post: pickNames(target.slot, lang).primary })
    : '';
  return (
    <Modal opened={opened && target !== null} onClose={onClose} fullScreen={isPhone} title={title}>
      {target && <EndBody target={target} onClose={onClose} />}
    </Modal>
  );
};
