import { END_REASONS, type TEndReason } from '@samiti/common';
import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type DateProps = { label: string; value: string; onChange: (v: string) => void; min?: string; max: string; error?: string; testId: string };

/** A calendar date (the phone's own date picker), no later than `max`. */
export const DateField = ({ label, value, onChange, min, max, error, testId }: DateProps) => (
  <TextInput
    type="date"
    label={label}
    value={value}
    min={min}
    max={max}
    onChange={(e) => onChange(e.currentTarget.value)}
    error={error}
    required
    data-testid={testId}
  />
);

type ReasonProps = { value: TEndReason | null; onChange: (v: TEndReason | null) => void; error?: string };

/** Why a tenure ends: resigned, removed, inactive, promoted, deceased, term ended. */
export const ReasonField = ({ value, onChange, error }: ReasonProps) => {
  const { t } = useTranslation();
  return (
    <Select
      label={t('posts.reason')}
      placeholder={t('personForm.choose')}
      data={END_REASONS.map((r) => ({ value: r, label: t(`posts.reasons.${r}`) }))}
      value={value}
      onChange={(v) => onChange((END_REASONS as readonly string[]).includes(v ?? '') ? (v as TEndReason) : null)}
      error={error}
      required
      allowDeselect={false}
      comboboxProps={{ withinPortal: false }}
      data-testid="tenure-reason"
    />
  );
};
