import { fileUrl, IMAGE_TYPES, type TInstance, type TSegment } from '@samiti/common';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  FileButton,
  Image,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { formatDate, formatNumber } from '../../../lib/format';
import { useAddInstancePhoto, useRemoveInstancePhoto, useReportInstance } from '../hooks/useProgrammes';

const Photos = ({ instance }: { instance: TInstance }) => {
  const { t } = useTranslation();
  const add = useAddInstancePhoto(instance.id);
  const remove = useRemoveInstancePhoto(instance.id);
  const canChange = instance.canEdit && instance.status !== 'cancelled';
  const failure = add.error ?? remove.error;
  return (
    <Stack gap="xs" data-testid="instance-photos">
      {instance.photos.length > 0 && (
        <SimpleGrid cols={{ base: 3, sm: 5 }} spacing="xs">
          {instance.photos.map((p) => (
            <div key={p.id} style={{ position: 'relative' }}>
              <Image src={fileUrl(p.id)} alt={t('programmes.photo')} radius="sm" h={80} fit="cover" data-testid="instance-photo" />
              {canChange && (
                <ActionIcon
                  size="sm"
                  color="red"
                  variant="filled"
                  style={{ position: 'absolute', top: 2, right: 2 }}
                  onClick={() => remove.mutate(p.id)}
                  aria-label={t('programmes.removePhoto')}
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
              data-testid="instance-photo-add"
            >
              {t('programmes.addPhoto')}
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

/** The report: held on, attendance per audience segment, notes, photos. Refused by the server for a cancelled event. */
export const InstanceReport = ({ instance, segments }: { instance: TInstance; segments: TSegment[] }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const report = useReportInstance(instance.id);
  const [heldOn, setHeldOn] = useState(instance.heldOn ?? '');
  const [counts, setCounts] = useState<Record<string, number | ''>>(() =>
    Object.fromEntries(segments.map((s) => [s.key, instance.attendance?.[s.key] ?? ''])),
  );
  const [notes, setNotes] = useState(instance.notes ?? '');
  const [isFinal, setFinal] = useState(true);
  if (instance.status === 'cancelled') {
    return (
      <Alert color="red" data-testid="instance-cancelled">
        {t('programmes.cancelledBecause', { reason: instance.cancelReason ?? '' })}
      </Alert>
    );
  }
  const submit = () => {
    const attendance: Record<string, number> = {};
    for (const [k, v] of Object.entries(counts)) if (v !== '') attendance[k] = v;
    report.mutate({ heldOn, attendance, notes: notes.trim() || undefined, isFinal });
  };
  return (
    <Stack gap="sm" data-testid="instance-report">
      {instance.heldOn && (
        <Text size="sm">
          {t('programmes.heldOnIs', { date: formatDate(instance.heldOn, lang) })}
          {instance.attendance &&
            ` · ${t('programmes.attendanceTotal', {
              n: formatNumber(
                Object.values(instance.attendance).reduce((a, b) => a + b, 0),
                lang,
              ),
            })}`}
        </Text>
      )}
      {report.isError && (
        <Alert color="red" role="alert">
          {errorText(report.error, t)}
        </Alert>
      )}
      {instance.canEdit && (
        <>
          <TextInput
            type="date"
            label={t('programmes.heldOn')}
            value={heldOn}
            onChange={(e) => setHeldOn(e.currentTarget.value)}
            required
            data-testid="report-held-on"
          />
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
            {segments.map((s) => (
              <NumberInput
                key={s.key}
                label={lang === 'hi' ? s.nameHi : s.name}
                min={0}
                allowNegative={false}
                allowDecimal={false}
                value={counts[s.key] ?? ''}
                onChange={(v) => setCounts((c) => ({ ...c, [s.key]: typeof v === 'number' ? v : '' }))}
                data-testid={`report-count-${s.key}`}
              />
            ))}
          </SimpleGrid>
          <Textarea label={t('programmes.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} />
          <Checkbox label={t('programmes.isFinal')} checked={isFinal} onChange={(e) => setFinal(e.currentTarget.checked)} />
          <Button
            onClick={submit}
            disabled={!heldOn}
            loading={report.isPending}
            style={{ alignSelf: 'flex-start' }}
            data-testid="report-save"
          >
            {t('programmes.saveReport')}
          </Button>
        </>
      )}
      <Text size="sm" fw={500}>
        {t('programmes.photos')}
      </Text>
      <Photos instance={instance} />
    </Stack>
  );
};
