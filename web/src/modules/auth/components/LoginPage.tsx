import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { useLogin } from '../hooks/useLogin';
import { useMe } from '../hooks/useMe';
import { safeNext } from '../paths';
import { LanguageSwitch } from './LanguageSwitch';

type TFieldErrors = { username?: string; password?: string };

export const LoginPage = () => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<TFieldErrors>({});

  if (me.data) return <Navigate to={next} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errors: TFieldErrors = {
      username: username.trim() ? undefined : t('auth.usernameRequired'),
      password: password ? undefined : t('auth.passwordRequired'),
    };
    setFieldErrors(errors);
    if (errors.username || errors.password) return;
    // On success the cached user appears and the <Navigate> above takes over.
    login.mutate({ username: username.trim(), password });
  };

  const serverField = login.error instanceof ApiError && login.error.status === 400 ? login.error.field : undefined;
  const serverMessage = login.error ? errorText(login.error, t) : null;
  const usernameError = fieldErrors.username ?? (serverField === 'username' ? serverMessage : undefined);
  const passwordError = fieldErrors.password ?? (serverField === 'password' ? serverMessage : undefined);
  const alert = serverMessage && serverField !== 'username' && serverField !== 'password' ? serverMessage : null;

  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Box w="100%" maw={400}>
        <Group justify="space-between" mb="md">
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          <form onSubmit={onSubmit} noValidate>
            <Stack>
              <div>
                <Title order={1} size="h3">
                  {t('auth.loginTitle')}
                </Title>
                <Text c="dimmed" size="sm">
                  {t('auth.loginSubtitle')}
                </Text>
              </div>
              {alert && (
                <Alert color="red" role="alert" data-testid="login-error">
                  {alert}
                </Alert>
              )}
              <TextInput
                label={t('auth.username')}
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                error={usernameError}
                autoComplete="username"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                required
                data-testid="login-username"
              />
              <PasswordInput
                label={t('auth.password')}
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={passwordError}
                autoComplete="current-password"
                required
                data-testid="login-password"
              />
              <Button type="submit" loading={login.isPending} fullWidth data-testid="login-submit">
                {t('auth.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Box>
    </Center>
  );
};
