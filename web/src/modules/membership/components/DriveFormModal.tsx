import type { TDrive } from '@samiti/common';
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../lib/dates';
import { formError } from '../../../lib/errors';
import { type TUnitRef, UnitPicker } from '../../people/components/UnitPicker';
import { useCreateDrive } from '../hooks/useDriveMutations';
import {
  DRIVE_FIELDS,
  type TDriveField,
  type TDriveFormValues,
  type TDriveProblem,
  emptyDriveForm,
  toDriveBody,
  validateDriveForm,
} from '../payload';

type Props = { opened: boolean; onClose: () => void; onCreated: (drive: TDrive) => void };

const DriveForm = ({ onClose, onCreated }: Omit<Props, 'opened'>) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const create = useCreateDrive();
  const [values, setValues] = useState<TDriveFormValues>(() => emptyDriveForm(todayIso()));
  const [unit, setUnit] = useState<TUnitRef | null>(null);
  const [problems, setProblems] = useState<Partial<Record<TDriveField, TDriveProblem>>>({});
  const server = formError(create.error, DRIVE_FIELDS, t);

  const set = (field: TDriveField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
    if (create.isError) create.reset();
  };
  const fieldError = (field: TDriveField): string | undefined => {
    const problem = problems[field];
    if (problem) return t(`driveForm.errors.${problem}`);
    return server?.field === field ? server.message : undefined;
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateDriveForm(values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(toDriveBody(values), {
      onSuccess: (drive) => {
        onClose();
        onCreated(drive);
      },
    });
  };

  const nameEn = (
    <TextInput
      key="name"
      label={t('driveForm.name')}
      placeholder={t('driveForm.namePlaceholder')}
      value={values.name}
      onChange={(e) => set('name')(e.currentTarget.value)}
      error={fieldError('name')}
      required
      data-autofocus
      data-testid="drive-form-name"
    />
  );
  const nameHi = (
    <TextInput
      key="nameHi"
      label={t('driveForm.nameHi')}
      placeholder={t('driveForm.nameHiPlaceholder')}
      value={values.nameHi}
      onChange={(e) => set('nameHi')(e.currentTarget.value)}
      error={fieldError('nameHi')}
      lang="hi"
      data-testid="drive-form-name-hi"
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate data-testid="drive-form">
      <Stack>
        {server && server.field === null && (
          <Alert color="red" role="alert">
            {server.message}
          </Alert>
        )}
        {lang === 'hi' ? [nameHi, nameEn] : [nameEn, nameHi]}
        <UnitPicker
          label={t('driveForm.unit')}
          description={t('driveForm.unitDescription')}
          value={unit}
          onChange={(u) => {
            setUnit(u);
            set('unitId')(u ? String(u.id) : '');
          }}
          error={fieldError('unitId')}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            type="date"
            label={t('driveForm.startsOn')}
            value={values.startsOn}
            onChange={(e) => set('startsOn')(e.currentTarget.value)}
            error={fieldError('startsOn')}
            required
            data-testid="drive-form-starts"
          />
          <TextInput
            type="date"
            label={t('driveForm.endsOn')}
            value={values.endsOn}
            min={values.startsOn || undefined}
            onChange={(e) => set('endsOn')(e.currentTarget.value)}
            error={fieldError('endsOn')}
            required
            data-testid="drive-form-ends"
          />
        </SimpleGrid>
        <TextInput
          label={t('driveForm.rule')}
          description={t('driveForm.ruleDescription')}
          value={values.activeRuleMinVerified}
          onChange={(e) => set('activeRuleMinVerified')(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
          error={fieldError('activeRuleMinVerified')}
          inputMode="numeric"
          autoComplete="off"
          data-testid="drive-form-rule"
        />
        <Switch
          label={t('driveForm.allowSelfEnrol')}
          checked={values.allowSelfEnrol}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            setValues((v) => ({ ...v, allowSelfEnrol: checked }));
          }}
          data-testid="drive-form-self-enrol"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="drive-form-submit">
            {t('driveForm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/** Start a membership drive at a unit the user administers. */
export const DriveFormModal = ({ opened, onClose, onCreated }: Props) => {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={opened} onClose={onClose} fullScreen={isPhone} title={t('driveForm.title')}>
      <DriveForm onClose={onClose} onCreated={onCreated} />
    </Modal>
  );
};
