import { Anchor, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { displayName } from '../../../lib/names';
import { personName } from '../../people/names';
import { useMembership } from '../hooks/useDrives';

/** The membership a 409 pointed at: where and in what state the person is already enrolled, and a link to them. */
export const ExistingMembership = ({ membershipId }: { membershipId: number }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const membership = useMembership(membershipId);
  if (membership.isPending) return <Loader size="xs" />;
  if (!membership.data) return null;
  const m = membership.data;
  return (
    <div>
      <Text size="sm">{t('enrol.existingMember', { unit: displayName(m.unit, lang), status: t(`members.statuses.${m.status}`) })}</Text>
      <Anchor component={Link} to={`/people/${m.person.id}`} size="sm" data-testid="existing-member-link">
        {t('enrol.openPerson')}: {personName(m.person, lang) || t('people.unnamed')}
      </Anchor>
    </div>
  );
};
