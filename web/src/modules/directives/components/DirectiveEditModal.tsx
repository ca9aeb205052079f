import type { TDirective } from '@samiti/common';
import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../lib/dates';
import { formError } from '../../../lib/errors';
import { useUpdateDirective } from '../hooks/useDirectives';

/** Correct a directive's text or move its due date; the assignments stay. */
export const DirectiveEditModal = ({ directive, onClose }: { directive: TDirective; onClose: () => void }) => {
  const { t } = useTranslation();
  const update = useUpdateDirective(directive.id);
  const [text, setText] = useState(directive.text);
  const [dueDate, setDueDate] = useState(directive.dueDate);
  const err = formError(update.error, ['text', 'dueDate'] as const, t);
  const submit = () =>
    update.mutate(
      { ...(text !== directive.text ? { text } : {}), ...(dueDate !== directive.dueDate ? { dueDate } : {}) },
      { onSuccess: onClose },
    );
  return (
    <Modal opened onClose={onClose} title={t('directives.edit')} size="lg">
      <Stack gap="sm">
        <Textarea label={t('directives.form.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} error={err?.field === 'text' ? err.message : undefined} />
        <TextInput type="date" label={t('directives.form.dueDate')} min={todayIso()} value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} error={err?.field === 'dueDate' ? err.message : undefined} />
        {err && err.field === null && (
          <Alert color="red" role="alert">
            {err.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={update.isPending} disabled={text === directive.text && dueDate === directive.dueDate}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
