import type { TPerson } from '@samiti/common';
import { Anchor, Button, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PickedValue } from '../../../components/PickedValue';
import { SearchCombobox } from '../../../components/SearchCombobox';
import { fetchPerson, personKeys } from '../api';
import { usePersonSearch } from '../hooks/usePeople';
import { personName } from '../names';
import { prefillFromSearch } from '../payload';
import { PersonForm } from './PersonForm';
import { PersonHitLabel } from './PersonHitLabel';
import type { TUnitRef } from './UnitPicker';

type Props = {
  value: TPerson | null;
  onChange: (person: TPerson | null) => void;
  error?: string;
  /** Home unit preset when a new person is created from here. */
  homeUnit: TUnitRef;
  /** Whether the "create new person" form is showing (the caller hides its own fields meanwhile). */
  creating: boolean;
  setCreating: (creating: boolean) => void;
  /** People who may not be chosen (e.g. the current holder when replacing). */
  excludeIds?: readonly number[];
};

/**
 * Choose a person for a post: search everyone in the user's jurisdiction by name (either script)
 * or mobile number, or create a new person on the spot, pre-filled with what was typed.
 */
export const PersonChooser = ({ value, onChange, error, homeUnit, creating, setCreating, excludeIds = [] }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const { hits, isSearching, error: searchError, enabled } = usePersonSearch(text);
  const candidates = hits.filter((p) => !excludeIds.includes(p.id));

  if (creating) {
    return (
      <Stack gap="sm" data-testid="person-create-inline">
        <Anchor component="button" type="button" size="sm" onClick={() => setCreating(false)} style={{ alignSelf: 'flex-start' }}>
          ← {t('posts.backToSearch')}
        </Anchor>
        <PersonForm
          mode="create"
          homeUnit={homeUnit}
          prefill={prefillFromSearch(text)}
          onDone={(person) => {
            onChange(person);
            setCreating(false);
          }}
          onCancel={() => setCreating(false)}
          onUseExisting={(existingId) =>
            void queryClient
              .fetchQuery({ queryKey: personKeys.detail(existingId), queryFn: ({ signal }) => fetchPerson(existingId, signal) })
              .then((person) => {
                onChange(person);
                setCreating(false);
              })
          }
        />
      </Stack>
    );
  }

  if (value) {
    return (
      <PickedValue
        label={t('posts.person')}
        changeLabel={t('posts.changePerson')}
        onChange={() => onChange(null)}
        changeAriaLabel={`${t('posts.changePerson')}: ${personName(value, lang)}`}
        error={error}
        bg="indigo.0"
        attrs={{ 'data-testid': 'person-picked', 'data-person-id': value.id }}
      >
        <div style={{ minWidth: 0, flex: 1 }}>
          <PersonHitLabel person={value} />
        </div>
      </PickedValue>
    );
  }

  return (
    <Stack gap={4}>
      {/* Above the search box, so the results dropdown never covers it. */}
      <Button
        variant="subtle"
        size="xs"
        onClick={() => setCreating(true)}
        style={{ alignSelf: 'flex-end' }}
        data-testid="create-person-shortcut"
      >
        + {t('posts.createPerson')}
      </Button>
      <SearchCombobox<TPerson>
        label={t('posts.person')}
        placeholder={t('posts.personPlaceholder')}
        description={t('posts.personHint')}
        hint={t('units.searchHint')}
        value={text}
        onChange={setText}
        items={candidates}
        itemKey={(p) => String(p.id)}
        renderItem={(p) => <PersonHitLabel person={p} />}
        onPick={onChange}
        isActive={enabled}
        isSearching={isSearching}
        error={searchError}
        fieldError={error}
        testId="person-picker"
        autoFocus
      />
    </Stack>
  );
};
