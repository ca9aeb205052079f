import { Anchor, Breadcrumbs, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { displayName } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import type { TUnitRef } from '../../people/components/UnitPicker';
import { useMe } from '../../auth/hooks/useMe';
import { useAncestors } from '../../units/hooks/useUnit';
import { grantUnitIds, isNationalAdmin } from '../permissions';
import { crumbStart } from '../progress';

type Props = { driveUnitId: number; unit: TUnitRef; hrefFor: (unitId: number) => string };

/** The drive's unit › … › the unit being looked at; each step up is a link to its progress. */
export const DriveBreadcrumbs = ({ driveUnitId, unit, hrefFor }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const { data: me } = useMe();
  const ancestors = useAncestors(unit.id);
  // At the drive's own unit there is nothing above to go back to.
  if (unit.id === driveUnitId) return null;
  if (ancestors.isPending) return <Skeleton height={20} width="50%" data-testid="drive-breadcrumbs-loading" />;
  const chain: TUnitRef[] = [...(ancestors.data ?? []), unit];
  const grants = me?.grants ?? [];
  const start = crumbStart(
    chain.map((u) => u.id),
    driveUnitId,
    grantUnitIds(grants),
    isNationalAdmin(grants),
  );
  const shown = chain.slice(start);
  if (shown.length <= 1) return null;
  const current = displayName(unit, lang);
  return (
    <nav aria-label={t('drives.breadcrumbs')} data-testid="drive-breadcrumbs">
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        {shown.slice(0, -1).map((a) => {
          const name = displayName(a, lang);
          return (
            <Anchor key={a.id} component={Link} to={hrefFor(a.id)} size="sm" lang={scriptLang(name)} data-unit-id={a.id}>
              {name}
            </Anchor>
          );
        })}
        <Text size="sm" c="dimmed" lang={scriptLang(current)} aria-current="page">
          {current}
        </Text>
      </Breadcrumbs>
    </nav>
  );
};
