import type { TUnit } from '@samiti/common';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { useDeleteUnit } from '../hooks/useUnitMutations';

type Props = { unit: TUnit; opened: boolean; onClose: () => void };

/** Confirms a soft delete, saying how many units below go with it. */
export const DeleteUnitModal = ({ unit, opened, onClose }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const remove = useDeleteUnit(unit.id);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('deleteUnit.title', { name: displayName(unit, lang) })}>
      <Stack>
        {unit.descendantCount > 0 && (
          <Text fw={500}>
            {t('deleteUnit.bodyWithChildren', { count: unit.descendantCount, formattedCount: formatNumber(unit.descendantCount, lang) })}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('deleteUnit.bodyRestorable')}
        </Text>
        {remove.isError && (
          <Alert color="red" role="alert">
            {errorText(remove.error, t)}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => remove.mutate(undefined, { onSuccess: close })}
            data-testid="delete-confirm"
          >
            {t('deleteUnit.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
