import type { TUnit } from '@samiti/common';
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { pickNames } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { ExportMenu } from '../../exports/components/ExportMenu';
import { geoPath } from '../../geo/paths';
import { ImportButton } from '../../imports/components/ImportButton';
import { useLevelLabel, useWingLabel } from '../hooks/useLevelLabel';
import { UnitActionsBar } from './UnitActionsBar';

const Stat = ({ label, value }: { label: string; value: string }) => (
  <div>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text fw={600}>{value}</Text>
  </div>
);

export const UnitHeader = ({ unit }: { unit: TUnit }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const levelLabel = useLevelLabel();
  const wingLabel = useWingLabel();
  const { primary, secondary } = pickNames(unit, lang);
  const geoName = unit.geo ? pickNames(unit.geo, lang).primary : null;

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <div>
          <Group gap="xs" mb={4}>
            <Badge variant="light" tt="none" data-testid="unit-level">
              {levelLabel(unit.level)}
            </Badge>
            <Badge variant="outline" color="gray" tt="none">
              {t('units.wing')}: {wingLabel(unit.wing)}
            </Badge>
            {unit.deletedAt && (
              <Badge color="red" data-testid="unit-deleted">
                {t('units.deleted')}
              </Badge>
            )}
          </Group>
          <Title order={1} size="h2" lang={scriptLang(primary)} data-testid="unit-name" data-unit-id={unit.id} style={{ overflowWrap: 'anywhere' }}>
            {primary}
          </Title>
          {secondary && (
            <Text c="dimmed" size="sm" lang={scriptLang(secondary)} data-testid="unit-name-secondary">
              {secondary}
            </Text>
          )}
        </div>
        <Text size="sm">
          <Text span c="dimmed">
            {t('units.geography')}:{' '}
          </Text>
          {unit.geo && geoName ? (
            <Anchor component={Link} to={geoPath(unit.geo.code)} data-testid="unit-geo">
              <span lang={scriptLang(geoName)}>{geoName}</span> ({unit.geo.code})
            </Anchor>
          ) : (
            <Text span c="dimmed" fs="italic">
              {t('units.noGeography')}
            </Text>
          )}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Stat label={t('units.childCount')} value={formatNumber(unit.childCount, lang)} />
          <Stat label={t('units.descendantCount')} value={formatNumber(unit.descendantCount, lang)} />
          {unit.deletedAt && <Stat label={t('history.fields.deletedAt')} value={formatDateTime(unit.deletedAt, lang)} />}
        </SimpleGrid>
        <UnitActionsBar unit={unit} />
        {!unit.deletedAt && (
          <Group gap="xs" data-testid="unit-data-actions">
            <ImportButton unit={unit} />
            <ExportMenu unitId={unit.id} />
          </Group>
        )}
      </Stack>
    </Paper>
  );
};
