import { GENDERS, type TPerson } from '@samiti/common';
import { Alert, Anchor, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentFields } from './ConsentFields';
import { Link } from 'react-router-dom';
import { todayIso } from '../../../lib/dates';
import { conflictOf, formError } from '../../../lib/errors';
import {
  emptyPersonForm,
  formValuesOf,
  PERSON_FIELDS,
  type TPersonField,
  type TPersonFormProblem,
  type TPersonFormValues,
  toCreateBody,
  toPatchBody,
  validatePersonForm,
} from '../payload';
import { useCreatePerson, usePatchPerson } from '../hooks/usePersonMutations';
import { type TUnitRef, UnitPicker } from './UnitPicker';

type Props =
  | {
      mode: 'create';
      /** Where the person lives, chosen beforehand (the unit whose page the user is on); changeable. */
      homeUnit: TUnitRef | null;
      /** Values carried over, e.g. what was typed in a person search. */
      prefill?: Partial<TPersonFormValues>;
      onDone: (person: TPerson) => void;
      onCancel: () => void;
      /** Offered on a 409 next to the link to the existing record, e.g. to appoint that person instead. */
      onUseExisting?: (existingId: number) => void;
    }
  | { mode: 'edit'; person: TPerson; onDone: (person: TPerson) => void; onCancel: () => void; onUseExisting?: undefined };

/** Add a person (with their consent record) or edit one. Field errors from the server show on the field they name. */
export const PersonForm = (props: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const today = todayIso();
  const person = props.mode === 'edit' ? props.person : null;
  const create = useCreatePerson();
  const patch = usePatchPerson(person?.id ?? 0);
  const mutation = props.mode === 'create' ? create : patch;

  const [values, setValues] = useState<TPersonFormValues>(() =>
    props.mode === 'edit' ? formValuesOf(props.person) : { ...emptyPersonForm(props.homeUnit?.id ?? null, today), ...props.prefill },
  );
  const [homeUnit, setHomeUnit] = useState<TUnitRef | null>(() => (props.mode === 'edit' ? props.person.homeUnit : props.homeUnit));
  const [problems, setProblems] = useState<Partial<Record<TPersonField, TPersonFormProblem>>>({});
  const [notice, setNotice] = useState<string | null>(null);

  const set = (field: TPersonField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
    // A stale server error would point at a value the user is already fixing.
    if (mutation.isError) mutation.reset();
  };

  const conflict = conflictOf(mutation.error);
  const server = conflict ? null : formError(mutation.error, PERSON_FIELDS, t);
  const fieldError = (field: TPersonField): string | undefined => {
    const problem = problems[field];
    if (problem) return t(`personForm.errors.${problem}`);
    if (server?.field === field) return server.message;
    if (conflict?.field === field) return conflict.message;
    return undefined;
  };
  const isMasked = person?.isContactMasked ?? false;
  // The phone or EPIC already belongs to someone: the message shows on the field, the way to that person right under it.
  const isConflictField = conflict?.field === 'phone' || conflict?.field === 'epic';
  const conflictBox = conflict && (
    <Alert color="orange" role="alert" data-testid="person-conflict">
      <Stack gap={6} align="flex-start">
        {!isConflictField && <Text size="sm">{conflict.message}</Text>}
        <Group gap="sm">
          <Anchor component={Link} to={`/people/${conflict.existingId}`} size="sm" data-testid="existing-person-link">
            {t('personForm.openExisting')}
          </Anchor>
          {props.onUseExisting && (
            <Button size="xs" variant="light" onClick={() => props.onUseExisting?.(conflict.existingId)} data-testid="use-existing-person">
              {t('personForm.useExisting')}
            </Button>
          )}
        </Group>
      </Stack>
    </Alert>
  );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const found = validatePersonForm(values, { mode: props.mode, today, isMasked });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    if (props.mode === 'create') {
      create.mutate(toCreateBody(values), { onSuccess: props.onDone });
      return;
    }
    const body = toPatchBody(props.person, values);
    if (Object.keys(body).length === 0) {
      setNotice(t('personForm.nothingChanged'));
      return;
    }
    patch.mutate(body, { onSuccess: props.onDone });
  };

  const nameEn = (
    <TextInput
      key="name"
      label={t('personForm.name')}
      value={values.name}
      onChange={(e) => set('name')(e.currentTarget.value)}
      error={fieldError('name')}
      autoComplete="off"
      data-autofocus={lang === 'en' ? true : undefined}
      data-testid="person-form-name"
    />
  );
  const nameHi = (
    <TextInput
      key="nameHi"
      label={t('personForm.nameHi')}
      description={t('personForm.nameHiDescription')}
      value={values.nameHi}
      onChange={(e) => set('nameHi')(e.currentTarget.value)}
      error={fieldError('nameHi')}
      lang="hi"
      autoComplete="off"
      data-autofocus={lang === 'hi' ? true : undefined}
      data-testid="person-form-name-hi"
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate data-testid="person-form">
      <Stack>
        {conflict && !isConflictField && conflictBox}
        {(server?.field === null || notice) && (
          <Alert color={notice && !server ? 'blue' : 'red'} role="alert">
            {server?.field === null ? server.message : notice}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('personForm.namesDescription')}
        </Text>
        {lang === 'hi' ? [nameHi, nameEn] : [nameEn, nameHi]}
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label={t('personForm.gender')}
            placeholder={t('personForm.choose')}
            data={GENDERS.map((g) => ({ value: g, label: t(`people.genders.${g}`) }))}
            value={values.gender || null}
            onChange={(v) => set('gender')(v ?? '')}
            error={fieldError('gender')}
            clearable
            comboboxProps={{ withinPortal: false }}
            data-testid="person-form-gender"
          />
          <TextInput
            label={t('personForm.birthYear')}
            value={values.birthYear}
            onChange={(e) => set('birthYear')(e.currentTarget.value.replace(/\D/g, '').slice(0, 4))}
            error={fieldError('birthYear')}
            inputMode="numeric"
            autoComplete="off"
            placeholder="1985"
            data-testid="person-form-birth-year"
          />
        </SimpleGrid>
        <TextInput
          type="tel"
          label={t('personForm.phone')}
          description={isMasked ? t('personForm.phoneMaskedDescription') : t('personForm.phoneDescription')}
          placeholder={isMasked && person ? person.phone : '98765 43210'}
          value={values.phone}
          onChange={(e) => set('phone')(e.currentTarget.value)}
          error={fieldError('phone')}
          required={!isMasked}
          inputMode="tel"
          autoComplete="off"
          data-testid="person-form-phone"
        />
        {conflict?.field === 'phone' && conflictBox}
        <TextInput
          label={t('personForm.epic')}
          description={t('personForm.epicDescription')}
          placeholder={isMasked && person?.epic ? person.epic : 'ABC1234567'}
          value={values.epic}
          onChange={(e) => set('epic')(e.currentTarget.value.toUpperCase())}
          error={fieldError('epic')}
          autoComplete="off"
          autoCapitalize="characters"
          data-testid="person-form-epic"
        />
        {conflict?.field === 'epic' && conflictBox}
        <UnitPicker
          label={t('personForm.homeUnit')}
          description={t('personForm.homeUnitDescription')}
          value={homeUnit}
          onChange={(unit) => {
            setHomeUnit(unit);
            set('homeUnitId')(unit ? String(unit.id) : '');
          }}
          error={fieldError('homeUnitId')}
        />
        {props.mode === 'create' && (
          <ConsentFields
            values={{ purpose: values['consent.purpose'], date: values['consent.date'], method: values['consent.method'] }}
            onChange={(field, value) => set(`consent.${field}`)(value)}
            errorOf={(field) => fieldError(`consent.${field}`)}
            today={today}
            testIdPrefix="person-form"
            title={t('personForm.consentTitle')}
            description={t('personForm.consentDescription')}
          />
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="person-form-submit">
            {props.mode === 'create' ? t('personForm.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
