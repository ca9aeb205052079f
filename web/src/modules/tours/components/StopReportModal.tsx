import { fileUrl, IMAGE_TYPES, type TStop } from '@samiti/common';
import {
  ActionIcon,
  Alert,
  Button,
  FileButton,
  Group,
  Image,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { useAddStopPhoto, useRemoveStopPhoto, useReportStop } from '../hooks/useTours';

/** The report's photos: thumbnails with a remove button, and "add photo" (camera on a phone). */
export const StopPhotos = ({ stop, canChange }: { stop: TStop; canChange: boolean }) => {
  const { t } = useTranslation();
  const add = useAddStopPhoto(stop.id);
  const remove = useRemoveStopPhoto(stop.id);
  const failure = add.error ?? remove.error;
  return (
    <Stack gap="xs" data-testid="stop-photos">
      {stop.photoFileIds.length > 0 && (
        <SimpleGrid cols={{ base: 3, sm: 5 }} spacing="xs">
          {stop.photoFileIds.map((id) => (
            <div key={id} style={{ position: 'relative' }}>
              <Image src={fileUrl(id)} alt={t('tours.photo')} radius="sm" h={80} fit="cover" />
              {canChange && (
                <ActionIcon
                  size="sm"
                  color="red"
                  variant="filled"
                  style={{ position: 'absolute', top: 2, right: 2 }}
                  onClick={() => remove.mutate(id)}
                  aria-label={t('tours.removePhoto')}
                >
                  ×
                </ActionIcon>
              )}
            </div>
          ))}
        </SimpleGrid>
      )}
      {canChange && (
        <FileButton onChange={(f) => f && add.mutate(f)} accept={IMAGE_TYPES.join(',')}>
          {(props) => (
            <Button
              {...props}
              variant="light"
              size="xs"
              loading={add.isPending}
              style={{ alignSelf: 'flex-start' }}
              data-testid="stop-photo-add"
            >
              {t('tours.addPhoto')}
            </Button>
          )}
        </FileButton>
      )}
      {failure && (
        <Text size="xs" c="red" role="alert">
          {errorText(failure, t)}
        </Text>
      )}
    </Stack>
  );
};

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
      <StopPhotos stop={stop} canChange />
      <Textarea
        label={t('tours.summary')}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
        autosize
        minRows={3}
        maxLength={5000}
        data-testid="stop-report-summary"
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          loading={report.isPending}
          onClick={() => report.mutate({ isHeld: held === 'true', summary: summary.trim() || undefined }, { onSuccess: onClose })}
          data-testid="stop-report-save"
        >
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
