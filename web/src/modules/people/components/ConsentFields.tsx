import { CONSENT_METHODS } from '@samiti/common';
import { Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type TConsentField = 'purpose' | 'date' | 'method';

/**
 * The consent a person (or an importing office, for a whole sheet) records: purpose, date, how it
 * was given. One fieldset for the person form, enrolment and imports; each passes its own state.
 */
export const ConsentFields = ({
  values,
  onChange,
  errorOf,
  today,
  testIdPrefix,
  title,
  description,
}: {
  values: Record<TConsentField, string>;
  onChange: (field: TConsentField, value: string) => void;
  errorOf: (field: TConsentField) => string | undefined;
  today: string;
  testIdPrefix: string;
  title: string;
  description: string;
}) => {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="fieldset" m={0} p={0} style={{ border: 0 }}>
      <div>
        <Title order={3} size="h5" component="legend">
          {title}
        </Title>
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      </div>
      <Textarea
        label={t('personForm.consentPurpose')}
        placeholder={t('personForm.consentPurposePlaceholder')}
        value={values.purpose}
        onChange={(e) => onChange('purpose', e.currentTarget.value)}
        error={errorOf('purpose')}
        required
        minRows={2}
        maxLength={300}
        data-testid={`${testIdPrefix}-consent-purpose`}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          type="date"
          label={t('personForm.consentDate')}
          value={values.date}
          max={today}
          onChange={(e) => onChange('date', e.currentTarget.value)}
          error={errorOf('date')}
          required
          data-testid={`${testIdPrefix}-consent-date`}
        />
        <Select
          label={t('personForm.consentMethod')}
          placeholder={t('personForm.choose')}
          data={CONSENT_METHODS.map((m) => ({ value: m, label: t(`people.consentMethods.${m}`) }))}
          value={values.method || null}
          onChange={(v) => onChange('method', v ?? '')}
          error={errorOf('method')}
          required
          allowDeselect={false}
          comboboxProps={{ withinPortal: false }}
          data-testid={`${testIdPrefix}-consent-method`}
        />
      </SimpleGrid>
    </Stack>
  );
};
