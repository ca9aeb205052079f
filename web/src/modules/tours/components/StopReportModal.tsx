import type { TStop } from '@samiti/common';
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { useReportStop } from '../hooks/useTours';

/** After a stop: held or not, and what happened. A new report corrects the last one; both are kept. */
const ReportForm = ({ stop, onClose }: { stop: TStop; onClose: () => void }) => {
  const { t } = useTranslation();
  const report = useReportStop(stop.id);
  const [held, setHeld] = useState(stop.report ? String(stop.report.isHeld) : 'true');
  const [summary, setSummary] = useState(stop.report?.summary ?? '');
  return (
    <Stack data-testid="stop-report-form">
      {report.isError && (
        <Alert color="red" role="alert">
          {errorText(report.error, t)}
        </Alert>
      )}
      <SegmentedControl
        value={held}
        onChange={setHeld}
        data={[
          { value: 'true', label: t('tours.held') },
          { value: 'false', label: t('tours.notHeld') },
        ]}
      />
      <Textarea label={t('tours.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={3} maxLength={5000} data-testid="stop-report-summary" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button loading={report.isPending} onClick={() => report.mutate({ isHeld: held === 'true', summary: summary.trim() || undefined }, { onSuccess: onClose })} data-testid="stop-report-save">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
};

export const StopReportModal = ({ stop, onClose }: { stop: TStop | null; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <Modal opened={stop !== null} onClose={onClose} title={t('tours.report')}>
      {stop && <ReportForm stop={stop} onClose={onClose} />}
    </Modal>
  );
};
