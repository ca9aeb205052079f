import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, EXPORT_KINDS, exportFileName, exportHref } from '../links';

/** People, current posts and vacancies under the unit, as CSV or XLSX: plain same-origin downloads. */
export const ExportMenu = ({ unitId }: { unitId: number }) => {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <Button size="sm" variant="default" data-testid="export-button">
          {t('exports.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('exports.menuLabel')}</Menu.Label>
        {EXPORT_KINDS.map((kind) =>
          EXPORT_FORMATS.map((format) => (
            <Menu.Item
              key={`${kind}-${format}`}
              component="a"
              href={exportHref(kind, unitId, format)}
              download={exportFileName(kind, unitId, format)}
              data-testid={`export-${kind}-${format}`}
            >
              {t('exports.item', { kind: t(`exports.${kind}`), format: t(`exports.${format}`) })}
            </Menu.Item>
          )),
        )}
      </Menu.Dropdown>
    </Menu>
  );
};
