import { Anchor, Button, CopyButton, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { joinPath } from '../drive';

/** The public page's address to share (for one booth when `boothId` is given, so the booth fills itself in). */
export const SelfEnrolLink = ({ driveId, boothId }: { driveId: number; boothId: number | null }) => {
  const { t } = useTranslation();
  const path = joinPath(driveId, boothId);
  const url = `${window.location.origin}${path}`;
  return (
    <div data-testid="self-enrol-link">
      <Text size="xs" c="dimmed">
        {boothId === null ? t('drives.selfEnrolLink') : t('drives.boothLink')} · {t('drives.selfEnrolLinkHint')}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Anchor component={Link} to={path} size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {url}
        </Anchor>
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="light" color={copied ? 'teal' : undefined} onClick={copy} style={{ flexShrink: 0 }}>
              {copied ? t('drives.copied') : t('drives.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </div>
  );
};
