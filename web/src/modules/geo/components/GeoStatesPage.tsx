import type { TGeoShapeKind, TGeoState } from '@samiti/common';
import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatNumber } from '../../../lib/format';
import { HindiName } from './HindiName';
import { useGeoKindLabel } from '../hooks/useGeoKindLabel';
import { useGeoStates } from '../hooks/useGeo';
import { GeoMapCard } from './GeoMapCard';
import { GeoSearchBox } from './GeoSearchBox';
import { GeoTable, type TGeoColumn } from './GeoTable';

/** /geo — every state and UT with its seat counts. */
export const GeoStatesPage = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [params] = useSearchParams();
  const kindLabel = useGeoKindLabel();
  const states = useGeoStates();
  const [layer, setLayer] = useState<TGeoShapeKind>('pc');
  useDocumentTitle(`${t('geo.title')} · ${t('app.name')}`);

  const columns: TGeoColumn<TGeoState>[] = [
    {
      key: 'name',
      header: t('geo.colName'),
      cell: (s) => (
        <div>
          <Text span fw={500} display="block">
            {s.name}
          </Text>
          <Text span size="xs" c="dimmed">
            {kindLabel(s.kind)}
          </Text>
        </div>
      ),
    },
    { key: 'nameHi', header: t('geo.colNameHi'), cell: (s) => <HindiName nameHi={s.nameHi} /> },
    {
      key: 'code',
      header: t('geo.colCode'),
      cell: (s) => (
        <Text span ff="monospace" size="sm">
          {s.code}
        </Text>
      ),
    },
    { key: 'pcs', header: t('geo.colPcs'), cell: (s) => formatNumber(s.pcCount, lang), numeric: true },
    { key: 'acs', header: t('geo.colAcs'), cell: (s) => formatNumber(s.acCount, lang), numeric: true },
  ];

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('geo.title')}
      </Title>
      <GeoSearchBox key={params.get('q') ?? ''} initial={params.get('q') ?? ''} />
      <GeoMapCard
        title={t('map.indiaTitle')}
        layers={[
          { kind: 'pc', label: t('map.layerPc') },
          { kind: 'state', label: t('map.layerState') },
        ]}
        layer={layer}
        onLayer={setLayer}
      />
      <Title order={2} size="h4">
        {t('geo.statesTitle')}
      </Title>
      <GeoTable
        rows={states.data}
        isPending={states.isPending}
        error={states.error}
        onRetry={() => void states.refetch()}
        columns={columns}
        rowKey={(s) => s.code}
        rowHref={(s) => `/geo/${s.code}`}
        testId="geo-states"
      />
    </Stack>
  );
};
