import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export type TCrumb = { label: string; to?: string };

export const GeoBreadcrumbs = ({ items }: { items: TCrumb[] }) => {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('geo.title')} data-testid="geo-breadcrumbs">
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        <Anchor component={Link} to="/geo" size="sm">
          {t('geo.allStates')}
        </Anchor>
        {items.map((c) =>
          c.to ? (
            <Anchor key={c.label} component={Link} to={c.to} size="sm">
              {c.label}
            </Anchor>
          ) : (
            <Text key={c.label} size="sm" c="dimmed" aria-current="page">
              {c.label}
            </Text>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
};
