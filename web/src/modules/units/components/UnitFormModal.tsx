import type { TUnit } from '@samiti/common';
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formError } from '../../../lib/errors';
import { displayName } from '../../../lib/names';
import { GeoCodeInput } from '../../geo/components/GeoCodeInput';
import { levelsBelow } from '../levels';
import { type TUnitFormValues, formValuesOf, toCreateBody, toPatchBody } from '../payload';
import { useLevels } from '../hooks/useConfig';
import { useLevelLabel } from '../hooks/useLevelLabel';
import { useCreateUnit, usePatchUnit } from '../hooks/useUnitMutations';

type TMode = 'create' | 'edit';
type Props = { mode: TMode; unit: TUnit; opened: boolean; onClose: () => void };
const FIELDS = ['level', 'name', 'nameHi', 'geo'] as const;
type TField = (typeof FIELDS)[number];

const FormBody = ({ mode, unit, onClose }: Omit<Props, 'opened'>) => {
  const { t } = useTranslation();
  const { data: levels } = useLevels();
  const levelLabel = useLevelLabel();
  const childLevels = levelsBelow(levels ?? [], unit.level);
  const create = useCreateUnit();
  const patch = usePatchUnit(unit.id);
  const mutation = mode === 'create' ? create : patch;

  const [values, setValues] = useState<TUnitFormValues>(() =>
    mode === 'create' ? { level: childLevels[0]?.key ?? '', name: '', nameHi: '', geo: '' } : formValuesOf(unit),
  );
  const [localErrors, setLocalErrors] = useState<Partial<Record<TField, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const set = (field: TField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setLocalErrors((e) => ({ ...e, [field]: undefined }));
    // A stale server error would point at a value the user is already fixing.
    if (mutation.isError) mutation.reset();
  };

  const server = formError(mutation.error, FIELDS, t);
  const fieldError = (field: TField): string | undefined => localErrors[field] ?? (server?.field === field ? server.message : undefined);
  const alert = server && server.field === null ? server.message : notice;
  const geoKind = levels?.find((l) => l.key === (mode === 'create' ? values.level : unit.level))?.geoKind ?? null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const errors: Partial<Record<TField, string>> = {
      name: values.name.trim() ? undefined : t('unitForm.nameRequired'),
      level: mode === 'edit' || values.level ? undefined : t('unitForm.levelRequired'),
    };
    setLocalErrors(errors);
    if (errors.name || errors.level) return;
    if (mode === 'create') {
      create.mutate(toCreateBody(unit.id, values), { onSuccess: onClose });
      return;
    }
    const body = toPatchBody(unit, values);
    if (Object.keys(body).length === 0) {
      setNotice(t('unitForm.nothingChanged'));
      return;
    }
    patch.mutate(body, { onSuccess: onClose });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {alert && (
          <Alert color={notice && !server ? 'blue' : 'red'} role="alert">
            {alert}
          </Alert>
        )}
        {mode === 'create' && (
          <Select
            label={t('unitForm.level')}
            data={childLevels.map((l) => ({ value: l.key, label: levelLabel(l.key) }))}
            value={values.level || null}
            onChange={(v) => set('level')(v ?? '')}
            error={fieldError('level')}
            allowDeselect={false}
            required
            comboboxProps={{ withinPortal: false }}
            data-testid="unit-form-level"
          />
        )}
        <TextInput
          label={t('unitForm.name')}
          description={t('unitForm.nameDescription')}
          value={values.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
          error={fieldError('name')}
          required
          data-autofocus
          data-testid="unit-form-name"
        />
        <TextInput
          label={t('unitForm.nameHi')}
          description={t('unitForm.nameHiDescription')}
          value={values.nameHi}
          onChange={(e) => set('nameHi')(e.currentTarget.value)}
          error={fieldError('nameHi')}
          lang="hi"
          data-testid="unit-form-name-hi"
        />
        <GeoCodeInput
          value={values.geo}
          initial={mode === 'edit' ? unit.geo : null}
          onChange={set('geo')}
          error={fieldError('geo')}
          preferKind={geoKind}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="unit-form-submit">
            {mode === 'create' ? t('unitForm.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/** Add a child under `unit`, or edit `unit` itself. The form is rebuilt each time it opens. */
export const UnitFormModal = ({ mode, unit, opened, onClose }: Props) => {
  const { t, i18n } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 36em)');
  const name = displayName(unit, i18n.resolvedLanguage ?? 'en');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      fullScreen={isPhone}
      title={mode === 'create' ? t('unitForm.createTitle', { parent: name }) : t('unitForm.editTitle', { name })}
    >
      <FormBody mode={mode} unit={unit} onClose={onClose} />
    </Modal>
  );
};
