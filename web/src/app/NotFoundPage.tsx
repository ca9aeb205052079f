import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export const NotFoundPage = () => {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl" gap="sm" data-testid="not-found">
      <Title order={1} size="h3">
        {t('errors.pageNotFound')}
      </Title>
      <Text c="dimmed">{t('errors.notFound')}</Text>
      <Button component={Link} to="/">
        {t('errors.goHome')}
      </Button>
    </Stack>
  );
};
