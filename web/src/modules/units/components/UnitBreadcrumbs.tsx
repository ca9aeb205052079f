import type { TUnit } from '@samiti/common';
import { Anchor, Breadcrumbs, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { displayName } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { useAncestors } from '../hooks/useUnit';
import { usePrimeUnit } from '../hooks/usePrimeUnit';

/** National › State › … › this unit; every ancestor is a link. */
export const UnitBreadcrumbs = ({ unit }: { unit: TUnit }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const ancestors = useAncestors(unit.id);
  const prime = usePrimeUnit();
  const current = displayName(unit, lang);

  if (ancestors.isPending && unit.parentId !== null) {
    return <Skeleton height={20} width="60%" data-testid="breadcrumbs-loading" />;
  }
  return (
    <nav aria-label={t('units.breadcrumbs')} data-testid="breadcrumbs">
      <Breadcrumbs
        separator="›"
        separatorMargin={6}
        style={{ flexWrap: 'wrap', rowGap: 4 }}
        styles={{ breadcrumb: { whiteSpace: 'normal', overflowWrap: 'anywhere', minWidth: 0 } }}
      >
        {(ancestors.data ?? []).map((a) => {
          const name = displayName(a, lang);
          return (
            <Anchor
              key={a.id}
              component={Link}
              to={`/units/${a.id}`}
              size="sm"
              lang={scriptLang(name)}
              onClick={() => prime(a)}
              data-unit-id={a.id}
            >
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
