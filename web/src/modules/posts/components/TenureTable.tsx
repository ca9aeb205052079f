import type { TTenure } from '@samiti/common';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import classes from '../../../components/Table.module.css';
import { formatDate } from '../../../lib/format';
import { pickNames } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { PersonName } from '../../people/components/PersonName';
import { tenureSummary } from '../slots';

type Props = {
  items: TTenure[];
  /** On a unit's post history the other column is the person; on a person's page, the unit. */
  show: 'person' | 'unit';
};

/** Tenures, current and ended: who held which post from when to when, and why it ended. */
export const TenureTable = ({ items, show }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  return (
    <Table verticalSpacing="xs" className={classes.table}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{show === 'unit' ? t('posts.colUnit') : t('posts.colPerson')}</Table.Th>
          <Table.Th>{t('posts.colPost')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('posts.colFrom')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('posts.colTo')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('posts.colReason')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((tenure) => {
          const unit = pickNames({ name: tenure.unitName, nameHi: tenure.unitNameHi }, lang);
          const post = pickNames({ name: tenure.postName, nameHi: tenure.postNameHi }, lang);
          return (
            <Table.Tr
              key={tenure.id}
              data-testid="tenure-row"
              data-tenure-id={tenure.id}
              data-post={tenure.post}
              data-current={tenure.isCurrent ? 'true' : 'false'}
            >
              <Table.Td>
                {show === 'unit' ? (
                  <Anchor component={Link} to={`/units/${tenure.unitId}`} fw={500} lang={scriptLang(unit.primary)}>
                    {unit.primary}
                  </Anchor>
                ) : (
                  <PersonName person={{ name: tenure.personName, nameHi: tenure.personNameHi }} personId={tenure.personId} />
                )}
                {tenure.endReason && (
                  <Text size="xs" c="dimmed" hiddenFrom="sm">
                    {t(`posts.reasons.${tenure.endReason}`)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" lang={scriptLang(post.primary)} c={tenure.isCurrent ? undefined : 'dimmed'} data-testid="tenure-summary">
                  {tenureSummary(tenure, lang, t)}
                </Text>
                {tenure.isFromOutside && (
                  <Badge size="xs" variant="outline" color="grape" tt="none" title={t('posts.fromOutsideHint')}>
                    {t('posts.fromOutside')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td visibleFrom="sm" className={classes.num}>
                {formatDate(tenure.startDate, lang)}
              </Table.Td>
              <Table.Td visibleFrom="sm" className={classes.num}>
                {tenure.endDate ? (
                  formatDate(tenure.endDate, lang)
                ) : (
                  <Badge size="sm" color="green" variant="light" tt="none">
                    {t('posts.current')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td visibleFrom="sm">{tenure.endReason ? t(`posts.reasons.${tenure.endReason}`) : ''}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
};
