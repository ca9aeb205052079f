import type { TUnit } from '@samiti/common';
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatNumber } from '../../../lib/format';
import { pickNames } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { useLevelLabel } from '../hooks/useLevelLabel';
import { usePrimeUnit } from '../hooks/usePrimeUnit';
import classes from '../../../components/Table.module.css';

/** Sub-units; the whole row opens the unit. On phones the level moves under the name to save a column. */
export const ChildrenTable = ({ items }: { items: TUnit[] }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const navigate = useNavigate();
  const prime = usePrimeUnit();
  const levelLabel = useLevelLabel();

  const open = (unit: TUnit) => {
    prime(unit);
    void navigate(`/units/${unit.id}`);
  };
  const onKey = (unit: TUnit) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(unit);
    }
  };

  return (
    <Table highlightOnHover verticalSpacing="xs" className={classes.table}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('units.colName')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('units.colLevel')}</Table.Th>
          <Table.Th ta="right">{t('units.colChildren')}</Table.Th>
          <Table.Th ta="right" visibleFrom="xs">
            {t('units.colDescendants')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((unit) => {
          const { primary, secondary } = pickNames(unit, lang);
          return (
            <Table.Tr
              key={unit.id}
              className={classes.row}
              onClick={() => open(unit)}
              onKeyDown={onKey(unit)}
              tabIndex={0}
              aria-label={t('units.openUnit', { name: primary })}
              data-testid="child-row"
              data-unit-id={unit.id}
              data-deleted={unit.deletedAt ? 'true' : undefined}
            >
              <Table.Td>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Anchor
                      component={Link}
                      to={`/units/${unit.id}`}
                      fw={500}
                      lang={scriptLang(primary)}
                      c={unit.deletedAt ? 'dimmed' : undefined}
                      td={unit.deletedAt ? 'line-through' : undefined}
                      tabIndex={-1}
                      onClick={(e) => {
                        e.stopPropagation();
                        prime(unit);
                      }}
                    >
                      {primary}
                    </Anchor>
                    {secondary && (
                      <Text size="xs" c="dimmed" lang={scriptLang(secondary)}>
                        {secondary}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed" hiddenFrom="sm">
                      {levelLabel(unit.level)}
                    </Text>
                  </div>
                  {unit.deletedAt && (
                    <Badge size="xs" color="red" style={{ flexShrink: 0 }}>
                      {t('units.deleted')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td visibleFrom="sm">{levelLabel(unit.level)}</Table.Td>
              <Table.Td ta="right" className={classes.num}>
                {formatNumber(unit.childCount, lang)}
              </Table.Td>
              <Table.Td ta="right" visibleFrom="xs" className={classes.num}>
                {formatNumber(unit.descendantCount, lang)}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
};
