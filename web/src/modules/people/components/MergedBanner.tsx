import type { TPerson } from '@samiti/common';
import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../../../lib/errors';
import { usePerson } from '../hooks/usePerson';
import { useUnmergePerson } from '../hooks/usePersonMutations';
import { canUndoMerge } from '../merge';
import { personName } from '../names';

/** On a retired record: which person it was merged into (linked), and "Undo merge" when the server allows it. */
export const MergedBanner = ({ person, mergedInto }: { person: TPerson; mergedInto: number }) => {
  const { t, i18n } = useTranslation();
  const target = usePerson(mergedInto);
  const unmerge = useUnmergePerson(person.id);
  const name =
    (target.data && personName(target.data, i18n.resolvedLanguage ?? 'en')) || t('people.mergedIntoFallback', { id: mergedInto });

  return (
    <Alert color="orange" variant="light" data-testid="person-merged-notice">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          <Trans
            t={t}
            i18nKey="people.mergedIntoBanner"
            values={{ name }}
            components={{ link: <Anchor component={Link} to={`/people/${mergedInto}`} fw={500} data-testid="merged-into-link" /> }}
          />
        </Text>
        {canUndoMerge(person) && (
          <Button size="sm" variant="default" loading={unmerge.isPending} onClick={() => unmerge.mutate()} data-testid="unmerge-button">
            {t('people.unmerge')}
          </Button>
        )}
        {unmerge.isError && (
          <Text size="sm" c="red" role="alert">
            {errorText(unmerge.error, t)}
          </Text>
        )}
      </Stack>
    </Alert>
  );
};
