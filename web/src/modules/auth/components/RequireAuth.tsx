import { Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState';
import { storedLanguage } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { useMe } from '../hooks/useMe';
import { loginPath } from '../paths';

/** Renders the signed-in app, or sends the visitor to /login and back here afterwards. */
export const RequireAuth = () => {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const accountLocale = me.data?.locale;

  // A returning session on a device with no language choice of its own follows the account.
  useEffect(() => {
    if (accountLocale && !storedLanguage() && i18n.resolvedLanguage !== accountLocale) void i18n.changeLanguage(accountLocale);
  }, [accountLocale, i18n]);

  if (me.isPending) {
    return (
      <Center h="60vh">
        <Stack align="center" gap="xs">
          <Loader />
          <Text c="dimmed" size="sm">
            {t('auth.checking')}
          </Text>
        </Stack>
      </Center>
    );
  }
  if (me.error instanceof ApiError && me.error.status === 401) {
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }
  if (me.isError) {
    return (
      <Center p="md" mih="60vh">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  return <Outlet />;
};
