import { Alert, Button, Group, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { electionKeys, fetchCriteria } from '../api';
import { useCreateCriterion } from '../hooks/useElections';

/** The election's screening criteria (each with its maximum score); admins add more. */
export const CriteriaCard = ({ electionId, canEdit }: { electionId: number; canEdit: boolean }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const criteria = useQuery({ queryKey: electionKeys.criteria(electionId), queryFn: ({ signal }) => fetchCriteria(electionId, signal) });
  const create = useCreateCriterion(electionId);
  const [name, setName] = useState('');
  const [nameHi, setNameHi] = useState('');
  const [max, setMax] = useState<number | string>(10);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), nameHi: nameHi.trim() || undefined, maxScore: Number(max) },
      {
        onSuccess: () => {
          setName('');
          setNameHi('');
        },
      },
    );
  };
  return (
    <Paper withBorder p="sm" radius="md" data-testid="criteria">
      <Stack gap="xs">
        <Text fw={500}>{t('elections.criteria')}</Text>
        {(criteria.data ?? []).length === 0 && (
          <Text size="sm" c="dimmed">
            {t('elections.noCriteria')}
          </Text>
        )}
        {(criteria.data ?? []).map((c) => (
          <Text key={c.id} size="sm">
            {lang === 'hi' && c.nameHi ? c.nameHi : c.name} — {t('elections.maxScore', { max: c.maxScore })}
          </Text>
        ))}
        {canEdit && (
          <form onSubmit={onSubmit}>
            <Group align="flex-end" gap="xs">
              <TextInput label={t('elections.criterionName')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
              <TextInput label={t('elections.nameHi')} lang="hi" value={nameHi} onChange={(e) => setNameHi(e.currentTarget.value)} />
              <NumberInput label={t('elections.maxScoreLabel')} value={max} onChange={setMax} min={1} max={100} w={110} />
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
                {t('elections.addCriterion')}
              </Button>
            </Group>
          </form>
        )}
        {create.isError && <Alert color="red">{errorText(create.error, t)}</Alert>}
      </Stack>
    </Paper>
  );
};
