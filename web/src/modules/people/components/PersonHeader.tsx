import type { TPerson } from '@samiti/common';
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/format';
import { pickNames } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { useLevelLabel } from '../../units/hooks/useLevelLabel';
import { formatPhone, personNames } from '../names';
import { PersonActionsBar } from './PersonActionsBar';
import { PersonPhoto } from './PersonPhoto';

const Detail = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <div data-testid={testId}>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
      {children}
    </Text>
  </div>
);

const NotSet = () => {
  const { t } = useTranslation();
  return (
    <Text span size="sm" c="dimmed" fs="italic">
      {t('common.notSet')}
    </Text>
  );
};

const MaskedHint = () => {
  const { t } = useTranslation();
  return (
    <Text span size="xs" c="dimmed" ml={6} data-testid="masked-hint">
      ({t('people.maskedHint')})
    </Text>
  );
};

/** Which of the displayed names the system transliterated: flagged so someone checks it. */
const DerivedBadge = () => {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('people.derivedHint')} multiline w={240} events={{ hover: true, focus: true, touch: true }}>
      <Badge size="xs" variant="outline" color="gray" tt="none" ml={6} tabIndex={0}>
        {t('people.derived')}
      </Badge>
    </Tooltip>
  );
};

export const PersonHeader = ({ person }: { person: TPerson }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const levelLabel = useLevelLabel();
  const { primary, secondary } = personNames(person, lang);
  const title = primary || t('people.unnamed');
  // Which field each shown name came from, to flag the transliterated one.
  const isDerived = (text: string | null) =>
    text !== null && person.derivedName !== null && text === (person.derivedName === 'name' ? person.name : person.nameHi);
  const home = pickNames(person.homeUnit, lang);

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group align="flex-start" gap="md">
          <PersonPhoto person={person} />
          <div style={{ flex: '1 1 12rem', minWidth: 0 }}>
            {person.deletedAt && (
              <Badge color="red" mb={4} data-testid="person-deleted">
                {t('people.deleted')}
              </Badge>
            )}
            <Title
              order={1}
              size="h2"
              lang={scriptLang(title)}
              data-testid="person-name"
              data-person-id={person.id}
              style={{ overflowWrap: 'anywhere' }}
            >
              {title}
              {isDerived(primary) && <DerivedBadge />}
            </Title>
            {secondary && (
              <Text c="dimmed" size="sm" lang={scriptLang(secondary)} data-testid="person-name-secondary">
                {secondary}
                {isDerived(secondary) && <DerivedBadge />}
              </Text>
            )}
          </div>
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <Detail label={t('people.homeUnit')} testId="person-home-unit">
            <Anchor component={Link} to={`/units/${person.homeUnit.id}`} lang={scriptLang(home.primary)}>
              {home.primary}
            </Anchor>
            <Text span size="xs" c="dimmed" ml={6}>
              · {levelLabel(person.homeUnit.level)}
            </Text>
          </Detail>
          <Detail label={t('people.phone')} testId="person-phone">
            <Text span size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {person.isContactMasked ? (
                person.phone
              ) : (
                <Anchor href={`tel:${person.phone}`} size="sm">
                  {formatPhone(person.phone)}
                </Anchor>
              )}
            </Text>
            {person.isContactMasked && <MaskedHint />}
          </Detail>
          <Detail label={t('people.epic')} testId="person-epic">
            {person.epic ? (
              <>
                {person.epic}
                {person.isContactMasked && <MaskedHint />}
              </>
            ) : (
              <NotSet />
            )}
          </Detail>
          <Detail label={t('people.gender')}>{person.gender ? t(`people.genders.${person.gender}`) : <NotSet />}</Detail>
          <Detail label={t('people.birthYear')}>{person.birthYear ?? <NotSet />}</Detail>
          <Detail label={t('people.consent')} testId="person-consent">
            {t('people.consentLine', {
              purpose: person.consent.purpose,
              method: t(`people.consentMethods.${person.consent.method}`),
              date: formatDate(person.consent.date, lang),
            })}
          </Detail>
        </SimpleGrid>
        <PersonActionsBar person={person} />
      </Stack>
    </Paper>
  );
};
