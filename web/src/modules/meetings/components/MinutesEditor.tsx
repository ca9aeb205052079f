import type { TMeeting } from '@samiti/common';
import { Alert, Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { useMinutes } from '../hooks/useMeetings';

/** The minutes in Hindi or English: editable while the meeting is held, read-only once approved. */
export const MinutesEditor = ({ meeting }: { meeting: TMeeting }) => {
  const { t, i18n } = useTranslation();
  const save = useMinutes(meeting.id);
  const [text, setText] = useState(meeting.minutes ?? '');
  const [lang, setLang] = useState<'en' | 'hi'>(meeting.minutesLang ?? (i18n.resolvedLanguage === 'hi' ? 'hi' : 'en'));
  const dirty = text !== (meeting.minutes ?? '') || (text !== '' && lang !== meeting.minutesLang);
  if (!meeting.actions.canEditMinutes) {
    return meeting.minutes ? (
      <Text style={{ whiteSpace: 'pre-wrap' }} lang={meeting.minutesLang ?? undefined} data-testid="minutes-text">
        {meeting.minutes}
      </Text>
    ) : (
      <Text c="dimmed">{meeting.status === 'planned' ? t('meetings.minutesAfterHeld') : t('meetings.noMinutes')}</Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="minutes-editor">
      <SegmentedControl value={lang} onChange={(v) => setLang(v === 'hi' ? 'hi' : 'en')} data={[{ value: 'hi', label: 'हिंदी' }, { value: 'en', label: 'English' }]} style={{ alignSelf: 'flex-start' }} />
      <Textarea value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={5} lang={lang} aria-label={t('meetings.minutes')} data-testid="minutes-input" />
      {save.isError && (
        <Alert color="red" role="alert">
          {errorText(save.error, t)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button disabled={!dirty} loading={save.isPending} onClick={() => save.mutate({ text, lang })} data-testid="minutes-save">
          {t('meetings.saveMinutes')}
        </Button>
      </Group>
    </Stack>
  );
};
