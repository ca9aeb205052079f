import type { TCourse } from '@samiti/common';
import { Alert, Button, Group, Modal, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formError } from '../../../lib/errors';
import { type TUnitRef, UnitPicker } from '../../people/components/UnitPicker';
import { useCreateCourse, useUpdateCourse } from '../hooks/useTraining';

const FIELDS = ['unitId', 'name', 'nameHi', 'description', 'requiredSessions'] as const;
type Props = { opened: boolean; onClose: () => void; course?: TCourse; onSaved?: (c: TCourse) => void };

const CourseForm = ({ onClose, course, onSaved }: Omit<Props, 'opened'>) => {
  const { t } = useTranslation();
  const create = useCreateCourse();
  const update = useUpdateCourse(course?.id ?? 0);
  const m = course ? update : create;
  const [unit, setUnit] = useState<TUnitRef | null>(course?.unit ?? null);
  const [name, setName] = useState(course?.name ?? '');
  const [nameHi, setNameHi] = useState(course?.nameHi ?? '');
  const [description, setDescription] = useState(course?.description ?? '');
  const [required, setRequired] = useState<number | string>(course?.requiredSessions ?? 1);
  const [missing, setMissing] = useState<string | null>(null);
  const server = formError(m.error, FIELDS, t);
  const err = (f: (typeof FIELDS)[number]) => (missing === f ? t('training.required') : server?.field === f ? server.message : undefined);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!unit) return setMissing('unitId');
    if (!name.trim()) return setMissing('name');
    setMissing(null);
    const requiredSessions = Number(required);
    const done = (c: TCourse) => {
      onClose();
      onSaved?.(c);
    };
    if (course) {
      update.mutate(
        { name: name.trim(), nameHi: nameHi.trim() || null, description: description.trim() || null, requiredSessions },
        { onSuccess: done },
      );
    } else {
      create.mutate(
        {
          unitId: unit.id,
          name: name.trim(),
          nameHi: nameHi.trim() || undefined,
          description: description.trim() || undefined,
          requiredSessions,
        },
        { onSuccess: done },
      );
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="course-form">
      <Stack>
        {server && server.field === null && (
          <Alert color="red" role="alert">
            {server.message}
          </Alert>
        )}
        {course ? null : <UnitPicker label={t('training.unit')} value={unit} onChange={setUnit} error={err('unitId')} />}
        <TextInput
          label={t('training.nameHi')}
          lang="hi"
          value={nameHi}
          onChange={(e) => setNameHi(e.currentTarget.value)}
          error={err('nameHi')}
          data-testid="course-name-hi"
        />
        <TextInput
          label={t('training.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={err('name')}
          required
          data-testid="course-name"
        />
        <Textarea
          label={t('training.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={err('description')}
          autosize
          minRows={2}
        />
        <NumberInput
          label={t('training.requiredSessions')}
          description={t('training.requiredSessionsHint')}
          value={required}
          onChange={setRequired}
          min={1}
          max={50}
          allowDecimal={false}
          error={err('requiredSessions')}
          data-testid="course-required"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={m.isPending} data-testid="course-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

export const CourseFormModal = ({ opened, ...rest }: Props) => {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={rest.onClose} title={rest.course ? t('training.editCourse') : t('training.newCourse')}>
      {opened && <CourseForm {...rest} />}
    </Modal>
  );
};
