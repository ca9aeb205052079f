import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText, isRetryable } from '../lib/errors';

/** A failed load, in the user's language, with a retry only when one can help (not for 403/404). */
export const ErrorState = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('errors.title')} role="alert" data-testid="error-state">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorText(error, t)}</Text>
        {isRetryable(error) ? (
          onRetry && (
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          )
        ) : (
          <Button size="xs" variant="light" color="red" component={Link} to="/">
            {t('errors.goHome')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
};
