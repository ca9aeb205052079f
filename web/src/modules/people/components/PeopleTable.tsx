import type { TPerson } from '@samiti/common';
import { Badge, Group, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import classes from '../../../components/Table.module.css';
import { displayName } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { personKeys } from '../api';
import { formatPhone, personName } from '../names';
import { PersonName } from './PersonName';

/** People; the whole row opens the person. On phones the home unit moves under the name. */
export const PeopleTable = ({ items }: { items: TPerson[] }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  // The list row is a full person: the page shows it at once while the fresh copy loads.
  const prime = (person: TPerson) => {
    if (!queryClient.getQueryData(personKeys.detail(person.id)))
      queryClient.setQueryData(personKeys.detail(person.id), person, { updatedAt: 0 });
  };
  const open = (person: TPerson) => {
    prime(person);
    void navigate(`/people/${person.id}`);
  };
  const onKey = (person: TPerson) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(person);
    }
  };

  return (
    <Table highlightOnHover verticalSpacing="xs" className={classes.table}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('people.colName')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('people.colHomeUnit')}</Table.Th>
          <Table.Th ta="right">{t('people.colPhone')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((person) => {
          const unitName = displayName(person.homeUnit, lang);
          return (
            <Table.Tr
              key={person.id}
              className={classes.row}
              onClick={() => open(person)}
              onKeyDown={onKey(person)}
              tabIndex={0}
              aria-label={t('people.openPerson', { name: personName(person, lang) || t('people.unnamed') })}
              data-testid="person-row"
              data-person-id={person.id}
              data-deleted={person.deletedAt ? 'true' : undefined}
            >
              <Table.Td>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <PersonName
                      person={person}
                      personId={person.id}
                      struck={person.deletedAt !== null}
                      testId="person-name"
                      onLinkClick={(e) => {
                        e.stopPropagation();
                        prime(person);
                      }}
                    />
                    <Text size="xs" c="dimmed" hiddenFrom="sm" lang={scriptLang(unitName)}>
                      {unitName}
                    </Text>
                  </div>
                  {person.deletedAt && (
                    <Badge size="xs" color="red" style={{ flexShrink: 0 }}>
                      {t('people.deleted')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td visibleFrom="sm" lang={scriptLang(unitName)}>
                {unitName}
              </Table.Td>
              <Table.Td ta="right" className={classes.num}>
                {formatPhone(person.phone)}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
};
