import { fileUrl, type TPerson } from '@samiti/common';
import { Alert, Avatar, Button, FileButton, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { useRemovePhoto, useUploadPhoto } from '../hooks/usePersonMutations';
import { personName } from '../names';
import { initials, PhotoReadError } from '../photo';

const ACCEPT = 'image/*';

/** The person's face (or their initials) and, for those who may edit them, upload / take / remove. */
export const PersonPhoto = ({ person }: { person: TPerson }) => {
  const { t, i18n } = useTranslation();
  const name = personName(person, i18n.resolvedLanguage ?? 'en');
  const upload = useUploadPhoto(person.id);
  const remove = useRemovePhoto(person.id);
  const canChange = person.actions.canEdit && person.deletedAt === null;
  const busy = upload.isPending || remove.isPending;
  const failure = upload.error ?? remove.error;
  const onFile = (file: File | null) => {
    remove.reset();
    if (file) upload.mutate(file);
  };
  const hasPhoto = person.photoFileId !== null;

  return (
    <Stack gap={6} align="center" data-testid="person-photo" data-file-id={person.photoFileId ?? undefined}>
      <Avatar
        src={hasPhoto ? fileUrl(person.photoFileId as number) : null}
        alt={hasPhoto ? t('files.photo.alt', { name: name || t('people.unnamed') }) : undefined}
        size={96}
        radius="md"
        color="orange"
        aria-busy={busy}
      >
        {initials(name) || '?'}
      </Avatar>
      {canChange && (
        <Group gap={4} justify="center" role="toolbar" aria-label={t('files.photo.actionsLabel')}>
          <FileButton onChange={onFile} accept={ACCEPT} disabled={busy}>
            {(props) => (
              <Button {...props} size="compact-xs" variant="default" loading={upload.isPending} data-testid="photo-upload">
                {hasPhoto ? t('files.photo.replace') : t('files.photo.upload')}
              </Button>
            )}
          </FileButton>
          {/* On a phone, `capture` opens the camera straight away. */}
          <FileButton onChange={onFile} accept={ACCEPT} capture="environment" disabled={busy}>
            {(props) => (
              <Button {...props} size="compact-xs" variant="default" data-testid="photo-take">
                {t('files.photo.take')}
              </Button>
            )}
          </FileButton>
          {hasPhoto && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              loading={remove.isPending}
              disabled={busy}
              onClick={() => {
                upload.reset();
                // The photo's file is deleted from the server, not kept: ask first.
                if (window.confirm(t('files.photo.removeConfirm'))) remove.mutate();
              }}
              data-testid="photo-remove"
            >
              {t('files.photo.remove')}
            </Button>
          )}
        </Group>
      )}
      {failure && (
        <Alert color="red" role="alert" p="xs" maw={260} data-testid="photo-error">
          {failure instanceof PhotoReadError ? t('files.photo.unreadable') : errorText(failure, t)}
        </Alert>
      )}
    </Stack>
  );
};
