import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { PeopleList } from './PeopleList';

/** /people — search everyone in the user's jurisdiction. */
export const PeoplePage = () => {
  const { t } = useTranslation();
  useDocumentTitle(`${t('people.title')} · ${t('app.name')}`);
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('people.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('people.pageDescription')}
        </Text>
      </div>
      <PeopleList unitId={null} addTo={null} autoFocus />
    </Stack>
  );
};
