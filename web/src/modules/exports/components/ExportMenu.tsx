import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  DRIVE_EXPORT_KINDS,
  driveExportHref,
  EXPORT_FORMATS,
  EXPORT_KINDS,
  exportFileName,
  exportHref,
  type TDriveExportKind,
  type TExportKind,
} from '../links';

type Props = {
  unitId: number;
  /** A membership drive: its members and enroller leaderboard under the unit instead of the unit's own lists. */
  driveId?: number;
};

type TItem = { kind: TExportKind | TDriveExportKind; label: string; href: (format: (typeof EXPORT_FORMATS)[number]) => string };

/** The unit's lists (people, current posts, vacancies) or a drive's, as CSV or XLSX: plain same-origin downloads. */
export const ExportMenu = ({ unitId, driveId }: Props) => {
  const { t } = useTranslation();
  const items: TItem[] =
    driveId === undefined
      ? EXPORT_KINDS.map((kind) => ({ kind, label: t(`exports.${kind}`), href: (f) => exportHref(kind, unitId, f) }))
      : DRIVE_EXPORT_KINDS.map((kind) => ({
          kind,
          label: t(`files.driveExports.${kind}`),
          href: (f) => driveExportHref(kind, driveId, unitId, f),
        }));
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button size="sm" variant="default" data-testid="export-button">
          {t('exports.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('exports.menuLabel')}</Menu.Label>
        {items.map(({ kind, label, href }) =>
          EXPORT_FORMATS.map((format) => (
            <Menu.Item
              key={`${kind}-${format}`}
              component="a"
              href={href(format)}
              download={exportFileName(kind, unitId, format)}
              data-testid={`export-${kind}-${format}`}
            >
              {t('exports.item', { kind: label, format: t(`exports.${format}`) })}
            </Menu.Item>
          )),
        )}
      </Menu.Dropdown>
    </Menu>
  );
};
