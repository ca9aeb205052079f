import type { TPerson } from '@samiti/common';
import { CloseButton, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchCombobox } from '../../../components/SearchCombobox';
import { PersonHitLabel } from '../../people/components/PersonHitLabel';
import { usePersonSearch } from '../../people/hooks/usePeople';
import { personName } from '../../people/names';

/** What the picker keeps of a person: enough to show and send. */
export type TPickedPerson = Pick<TPerson, 'id' | 'name' | 'nameHi'>;

type Props = {
  label: string;
  description?: string;
  value: TPickedPerson[];
  onChange: (people: TPickedPerson[]) => void;
  /** One person only (the chair): picking replaces. */
  single?: boolean;
  testId: string;
};

/** Pick people by name (either script) or mobile number from the user's jurisdiction, reusing the people search. */
export const PeoplePicker = ({ label, description, value, onChange, single = false, testId }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [text, setText] = useState('');
  const { hits, isSearching, error, enabled } = usePersonSearch(text);
  const chosen = new Set(value.map((p) => p.id));
  return (
    <Stack gap={4}>
      <SearchCombobox<TPerson>
        label={label}
        description={description}
        placeholder={t('posts.personPlaceholder')}
        hint={t('units.searchHint')}
        value={text}
        onChange={setText}
        items={hits.filter((p) => !chosen.has(p.id))}
        itemKey={(p) => String(p.id)}
        renderItem={(p) => <PersonHitLabel person={p} />}
        onPick={(p) => {
          const picked = { id: p.id, name: p.name, nameHi: p.nameHi };
          onChange(single ? [picked] : [...value, picked]);
          setText('');
        }}
        isActive={enabled}
        isSearching={isSearching}
        error={error}
        testId={testId}
      />
      {value.map((p) => (
        <Paper key={p.id} withBorder px="xs" py={4} radius="sm" bg="indigo.0" data-testid={`${testId}-picked`} data-person-id={p.id}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" truncate>
              {personName(p, lang)}
            </Text>
            <CloseButton size="sm" aria-label={t('meetings.removePerson', { name: personName(p, lang) })} onClick={() => onChange(value.filter((x) => x.id !== p.id))} />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
};
