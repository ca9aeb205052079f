import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { TPartyRef } from '@samiti/common';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { useElectionSetting, useSaveSetting } from '../hooks/useElections';
import { PartyPicker, partyLabel } from './PartyPicker';

/** Which party is "ours" — every share, rank and swing is shown for it. National admins change it. */
export const PartySettingCard = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const setting = useElectionSetting();
  const save = useSaveSetting();
  const [editing, setEditing] = useState(false);
  const [choice, setChoice] = useState<TPartyRef | null>(null);
  if (!setting.data) return null;
  const current = setting.data.ourParty;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="party-setting">
      <Stack gap="xs">
        <Group justify="space-between">
          <div>
            <Text fw={500}>{t('elections.ourParty')}</Text>
            <Text size="sm" c={current ? undefined : 'dimmed'} data-testid="our-party">
              {current ? partyLabel(current, lang) : t('elections.ourPartyUnset')}
            </Text>
          </div>
          {setting.data.canEdit && !editing && (
            <Button
              size="xs"
              variant="light"
              onClick={() => {
                setChoice(current);
                setEditing(true);
              }}
              data-testid="our-party-edit"
            >
              {t('elections.change')}
            </Button>
          )}
        </Group>
        {editing && (
          <Group align="flex-end">
            <PartyPicker label={t('elections.party')} value={choice} onChange={setChoice} testId="our-party-picker" />
            <Button
              loading={save.isPending}
              onClick={() => save.mutate(choice?.key ?? null, { onSuccess: () => setEditing(false) })}
              data-testid="our-party-save"
            >
              {t('common.save')}
            </Button>
            <Button variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        )}
        {save.isError && <Alert color="red">{errorText(save.error, t)}</Alert>}
        <Text size="xs" c="dimmed">
          {t('elections.ourPartyHelp')}
        </Text>
      </Stack>
    </Paper>
  );
};
