import { DEFAULT_LEVELS } from '@samiti/common';
import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formError } from '../../../lib/errors';
import { useLevelLabel } from '../../units/hooks/useLevelLabel';
import { useCreateCircular } from '../hooks/useDirectives';

type Props = { opened: boolean; onClose: () => void; unit: { id: number; level: string }; onCreated: (id: number) => void };

/** Send a circular to the unit's whole subtree, or to the units of one level in it. */
export const CircularFormModal = ({ opened, onClose, unit, onCreated }: Props) => {
  const { t } = useTranslation();
  const levelLabel = useLevelLabel();
  const create = useCreateCircular();
  const below = DEFAULT_LEVELS.slice(DEFAULT_LEVELS.indexOf(unit.level as (typeof DEFAULT_LEVELS)[number]) + 1);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [level, setLevel] = useState<string>('all');
  const err = formError(create.error, ['title', 'body', 'level'] as const, t);
  const submit = () =>
    create.mutate({ unitId: unit.id, title, body, ...(level === 'all' ? {} : { level }) }, { onSuccess: (c) => onCreated(c.id) });
  return (
    <Modal opened={opened} onClose={onClose} title={t('directives.circulars.new')} size="lg">
      <Stack gap="sm">
        <TextInput label={t('directives.circulars.titleField')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required error={err?.field === 'title' ? err.message : undefined} />
        <Textarea label={t('directives.circulars.body')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={5} required error={err?.field === 'body' ? err.message : undefined} />
        <Select
          label={t('directives.circulars.to')}
          data={[{ value: 'all', label: t('directives.circulars.wholeSubtree') }, ...below.map((l) => ({ value: l, label: levelLabel(l) }))]}
          value={level}
          onChange={(v) => setLevel(v ?? 'all')}
          allowDeselect={false}
          comboboxProps={{ withinPortal: false }}
          error={err?.field === 'level' ? err.message : undefined}
        />
        {err && err.field === null && (
          <Alert color="red" role="alert">
            {err.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={create.isPending}>
            {t('directives.circulars.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
