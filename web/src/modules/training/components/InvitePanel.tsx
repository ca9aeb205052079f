import type { TInviteBodyInput, TPersonRef } from '@samiti/common';
import { Alert, Button, Checkbox, Group, MultiSelect, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { useDrives } from '../../membership/hooks/useDrives';
import { displayName } from '../../../lib/names';
import { useLevels } from '../../units/hooks/useConfig';
import { useLevelLabel } from '../../units/hooks/useLevelLabel';
import { useInvite } from '../hooks/useTraining';
import { usePostKeyOptions } from '../../posts/hooks/usePostKeyOptions';
import { PersonPick } from './PersonPick';

type TKind = 'posts' | 'people' | 'active-members';

/** Invite by post and level under the session's unit, one person at a time, or a drive's active members. */
export const InvitePanel = ({ sessionId }: { sessionId: number }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const invite = useInvite(sessionId);
  const levels = useLevels();
  const levelLabel = useLevelLabel();
  const drives = useDrives();
  const [kind, setKind] = useState<TKind>('posts');
  const [chosenLevels, setLevels] = useState<string[]>([]);
  const [posts, setPosts] = useState<string[]>(['president']);
  // Posts of the configured templates of the chosen levels (all levels when none is chosen).
  const postOptions = usePostKeyOptions(chosenLevels);
  const [includeSelf, setIncludeSelf] = useState(true);
  const [person, setPerson] = useState<TPersonRef | null>(null);
  const [driveId, setDriveId] = useState<string | null>(null);

  const body = (): TInviteBodyInput | null => {
    if (kind === 'posts') return { kind, levels: chosenLevels, posts, includeSelf };
    if (kind === 'people') return person ? { kind, personIds: [person.id] } : null;
    return driveId ? { kind, driveId: Number(driveId) } : null;
  };
  const submit = () => {
    const b = body();
    if (b) invite.mutate(b, { onSuccess: () => setPerson(null) });
  };

  return (
    <Paper withBorder radius="md" p="sm" data-testid="invite-panel">
      <Stack gap="sm">
        <Text fw={600}>{t('training.invite')}</Text>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as TKind)}
          data={[
            { value: 'posts', label: t('training.byPost') },
            { value: 'people', label: t('training.byPerson') },
            { value: 'active-members', label: t('training.activeMembers') },
          ]}
        />
        {kind === 'posts' && (
          <>
            <MultiSelect
              label={t('training.levels')}
              description={t('training.levelsHint')}
              data={(levels.data ?? []).map((l) => ({ value: l.key, label: levelLabel(l.key) }))}
              value={chosenLevels}
              onChange={setLevels}
              clearable
            />
            <MultiSelect
              label={t('training.postsLabel')}
              data={postOptions}
              value={posts}
              onChange={setPosts}
              clearable
              data-testid="invite-posts"
            />
            <Checkbox label={t('training.includeSelf')} checked={includeSelf} onChange={(e) => setIncludeSelf(e.currentTarget.checked)} />
          </>
        )}
        {kind === 'people' && <PersonPick label={t('training.person')} value={person} onChange={setPerson} testId="invite-person" />}
        {kind === 'active-members' && (
          <Select
            label={t('training.drive')}
            data={(drives.data ?? []).map((d) => ({ value: String(d.id), label: displayName(d, lang) }))}
            value={driveId}
            onChange={setDriveId}
          />
        )}
        {invite.isError && (
          <Alert color="red" role="alert">
            {errorText(invite.error, t)}
          </Alert>
        )}
        {invite.data && (
          <Alert color={invite.data.isOverCapacity ? 'yellow' : 'green'} data-testid="invite-result">
            {t('training.invited', { added: invite.data.added, invited: invite.data.invited })}
            {invite.data.isOverCapacity && ` ${t('training.overCapacity', { capacity: invite.data.capacity })}`}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={submit} loading={invite.isPending} disabled={body() === null} data-testid="invite-submit">
            {t('training.inviteButton')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
};
