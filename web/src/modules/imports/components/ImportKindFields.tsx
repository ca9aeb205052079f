import { SegmentedControl, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDrives } from '../../membership/hooks/useDrives';
import type { TImportKind } from '../upload';

type Props = {
  kind: TImportKind;
  driveId: string;
  onKind: (kind: TImportKind) => void;
  onDrive: (driveId: string) => void;
  driveError: string | undefined;
};

/** What the file holds: people and posts, or members for one of the drives the user may enrol in. */
export const ImportKindFields = ({ kind, driveId, onKind, onDrive, driveError }: Props) => {
  const { t, i18n } = useTranslation();
  const isHindi = (i18n.resolvedLanguage ?? 'en') === 'hi';
  const drives = useDrives();
  const options = (drives.data ?? [])
    .filter((d) => d.actions.canEnrol || String(d.id) === driveId)
    .map((d) => ({ value: String(d.id), label: isHindi && d.nameHi ? d.nameHi : d.name }));
  return (
    <Stack gap="xs">
      <SegmentedControl
        value={kind}
        onChange={(v) => onKind(v === 'members' ? 'members' : 'people-posts')}
        data={[
          { value: 'people-posts', label: t('memberImports.kindPeople') },
          { value: 'members', label: t('memberImports.kindMembers') },
        ]}
        aria-label={t('memberImports.kindLabel')}
        data-testid="import-kind"
        fullWidth
      />
      {kind === 'members' && (
        <Select
          label={t('memberImports.drive')}
          description={t('memberImports.driveHint')}
          placeholder={drives.isPending ? t('common.loading') : undefined}
          data={options}
          value={driveId || null}
          onChange={(v) => onDrive(v ?? '')}
          error={driveError}
          nothingFoundMessage={t('memberImports.noDrives')}
          searchable
          required
          data-testid="import-drive"
        />
      )}
    </Stack>
  );
};
