import type { TDrive, TMembership, TPerson } from '@samiti/common';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentFields } from '../../people/components/ConsentFields';
import { Link } from 'react-router-dom';
import { SearchCombobox } from '../../../components/SearchCombobox';
import { todayIso } from '../../../lib/dates';
import { conflictOf, errorField, errorText } from '../../../lib/errors';
import { pickNames } from '../../../lib/names';
import { PersonHitLabel } from '../../people/components/PersonHitLabel';
import { type TUnitRef, UnitPicker } from '../../people/components/UnitPicker';
import { usePersonSearch } from '../../people/hooks/usePeople';
import { personName } from '../../people/names';
import { useEnrol } from '../hooks/useDriveMutations';
import {
  emptyMemberForm,
  memberFieldOf,
  type TMemberField,
  type TMemberFormValues,
  type TMemberProblem,
  toEnrolNewBody,
  validateMemberForm,
} from '../payload';
import { ExistingMembership } from './ExistingMembership';

type TMode = 'existing' | 'new';
type Props = { drive: TDrive; unit: TUnitRef; opened: boolean; onClose: () => void };

const EnrolForm = ({ drive, unit: initialUnit, onClose }: Omit<Props, 'opened'>) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const today = todayIso();
  const enrol = useEnrol(drive.id);
  const [mode, setMode] = useState<TMode>('existing');
  const [unit, setUnit] = useState<TUnitRef | null>(initialUnit);
  const [text, setText] = useState('');
  const [person, setPerson] = useState<TPerson | null>(null);
  const [values, setValues] = useState<TMemberFormValues>(() => emptyMemberForm(today));
  const [problems, setProblems] = useState<
    Partial<Record<TMemberField | 'person' | 'unit', TMemberProblem | 'personRequired' | 'unitRequired'>>
  >({});
  const [done, setDone] = useState<TMembership | null>(null);
  const search = usePersonSearch(text);

  const clearServer = () => {
    if (enrol.isError) enrol.reset();
  };
  const set = (field: TMemberField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
    clearServer();
  };

  const conflict = conflictOf(enrol.error);
  const serverField = conflict ? undefined : errorField(enrol.error);
  const serverMessage = enrol.error && !conflict ? errorText(enrol.error, t) : null;
  const memberField = memberFieldOf(serverField);
  const fieldError = (field: TMemberField): string | undefined => {
    const problem = problems[field];
    if (problem) return t(`personForm.errors.${problem as TMemberProblem}`);
    return memberField === field && serverMessage ? serverMessage : undefined;
  };
  const unitError = problems.unit ? t('enrol.unitRequired') : serverField === 'unitId' ? (serverMessage ?? undefined) : undefined;
  const personError = problems.person ? t('posts.personRequired') : serverField === 'personId' ? (serverMessage ?? undefined) : undefined;
  const isGeneral = serverMessage !== null && memberField === null && serverField !== 'unitId' && serverField !== 'personId';

  const reset = () => {
    setDone(null);
    setPerson(null);
    setText('');
    setValues(emptyMemberForm(today));
    setProblems({});
    enrol.reset();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: typeof problems = {};
    if (!unit) found.unit = 'unitRequired';
    if (mode === 'existing' && !person) found.person = 'personRequired';
    if (mode === 'new') Object.assign(found, validateMemberForm(values, today));
    setProblems(found);
    if (Object.keys(found).length > 0 || !unit) return;
    const body = mode === 'existing' && person ? { unitId: unit.id, personId: person.id } : toEnrolNewBody(values, unit.id);
    enrol.mutate(body, { onSuccess: setDone });
  };

  if (done) {
    return (
      <Stack data-testid="enrol-done">
        <Alert color="teal" role="status">
          {t('enrol.done', { name: personName(done.person, lang) || t('people.unnamed') })}
        </Alert>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button onClick={reset} data-testid="enrol-another">
            {t('enrol.another')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const conflictBox = conflict && (
    <Alert color="orange" role="alert" data-testid="enrol-conflict">
      <Stack gap={6}>
        <Text size="sm">{conflict.message}</Text>
        {conflict.field === 'person' ? (
          <ExistingMembership membershipId={conflict.existingId} />
        ) : (
          <Anchor component={Link} to={`/people/${conflict.existingId}`} size="sm" data-testid="existing-person-link">
            {t('personForm.openExisting')}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );

  const nameEn = (
    <TextInput
      key="name"
      label={t('personForm.name')}
      value={values.name}
      onChange={(e) => set('name')(e.currentTarget.value)}
      error={fieldError('name')}
      autoComplete="off"
      data-testid="enrol-name"
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
      data-testid="enrol-name-hi"
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate data-testid="enrol-form">
      <Stack>
        {isGeneral && (
          <Alert color="red" role="alert">
            {serverMessage}
          </Alert>
        )}
        {conflictBox}
        <SegmentedControl
          aria-label={t('enrol.modeLabel')}
          value={mode}
          onChange={(v) => {
            setMode(v === 'new' ? 'new' : 'existing');
            setProblems({});
            clearServer();
          }}
          data={[
            { value: 'existing', label: t('enrol.modeExisting') },
            { value: 'new', label: t('enrol.modeNew') },
          ]}
          fullWidth
          data-testid="enrol-mode"
        />
        {mode === 'existing' ? (
          person ? (
            <div>
              <Text size="sm" fw={500}>
                {t('posts.person')}
              </Text>
              <Paper withBorder p="xs" radius="sm" mt={4} bg="indigo.0" data-testid="enrol-person-picked" data-person-id={person.id}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <PersonHitLabel person={person} />
                  </div>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => {
                      setPerson(null);
                      clearServer();
                    }}
                  >
                    {t('posts.changePerson')}
                  </Anchor>
                </Group>
              </Paper>
              {personError && (
                <Text size="xs" c="red" mt={4} role="alert">
                  {personError}
                </Text>
              )}
            </div>
          ) : (
            <SearchCombobox<TPerson>
              label={t('posts.person')}
              placeholder={t('posts.personPlaceholder')}
              hint={t('units.searchHint')}
              value={text}
              onChange={setText}
              items={search.hits}
              itemKey={(p) => String(p.id)}
              renderItem={(p) => <PersonHitLabel person={p} />}
              onPick={(p) => {
                setPerson(p);
                // A membership usually belongs to the booth the person lives in.
                setUnit({ id: p.homeUnit.id, name: p.homeUnit.name, nameHi: p.homeUnit.nameHi, level: p.homeUnit.level });
                setProblems((x) => ({ ...x, person: undefined, unit: undefined }));
                clearServer();
              }}
              isActive={search.enabled}
              isSearching={search.isSearching}
              error={search.error}
              fieldError={personError}
              testId="enrol-person-search"
              autoFocus
            />
          )
        ) : (
          <Stack gap="sm" data-testid="enrol-new-person">
            <Text size="xs" c="dimmed">
              {t('enrol.newPersonHint')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('personForm.namesDescription')}
            </Text>
            {lang === 'hi' ? [nameHi, nameEn] : [nameEn, nameHi]}
            <TextInput
              type="tel"
              label={t('personForm.phone')}
              description={t('personForm.phoneDescription')}
              placeholder="98765 43210"
              value={values.phone}
              onChange={(e) => set('phone')(e.currentTarget.value)}
              error={fieldError('phone')}
              required
              inputMode="tel"
              autoComplete="off"
              data-testid="enrol-phone"
            />
            <TextInput
              label={t('personForm.epic')}
              description={t('personForm.epicDescription')}
              placeholder="ABC1234567"
              value={values.epic}
              onChange={(e) => set('epic')(e.currentTarget.value.toUpperCase())}
              error={fieldError('epic')}
              autoComplete="off"
              autoCapitalize="characters"
              data-testid="enrol-epic"
            />
            <ConsentFields
              values={{ purpose: values['consent.purpose'], date: values['consent.date'], method: values['consent.method'] }}
              onChange={(field, value) => set(`consent.${field}`)(value)}
              errorOf={(field) => fieldError(`consent.${field}`)}
              today={today}
              testIdPrefix="enrol"
              title={t('personForm.consentTitle')}
              description={t('personForm.consentDescription')}
            />
          </Stack>
        )}
        <UnitPicker
          label={t('enrol.unit')}
          description={t('enrol.unitDescription')}
          value={unit}
          onChange={(u) => {
            setUnit(u);
            setProblems((x) => ({ ...x, unit: undefined }));
            clearServer();
          }}
          error={unitError}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={enrol.isPending} data-testid="enrol-submit">
            {t('enrol.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/** Enrol someone already on file, or a new person with their consent, into a unit of the drive (pending verification). */
export const EnrolModal = ({ drive, unit, opened, onClose }: Props) => {
  const { t, i18n } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 36em)');
  const title = t('enrol.title', { drive: pickNames(drive, i18n.resolvedLanguage ?? 'en').primary });
  return (
    <Modal opened={opened} onClose={onClose} fullScreen={isPhone} title={title}>
      <EnrolForm drive={drive} unit={unit} onClose={onClose} />
    </Modal>
  );
};
