import type { TGeoPc, TGeoShapeKind } from '@samiti/common';
import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { useGeoAcs, useGeoPcs, useGeoStates } from '../hooks/useGeo';
import { useReservationLabel } from '../hooks/useGeoKindLabel';
import { GeoBreadcrumbs } from './GeoBreadcrumbs';
import { GeoMapCard } from './GeoMapCard';
import { GeoSearchBox } from './GeoSearchBox';
import { GeoTable, type TGeoColumn } from './GeoTable';
import { HindiName } from './HindiName';

/** /geo/:state — the state's Lok Sabha constituencies. */
export const GeoStatePage = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const state = (useParams().state ?? '').toUpperCase();
  const states = useGeoStates();
  const pcs = useGeoPcs(state);
  const [layer, setLayer] = useState<TGeoShapeKind>('pc');
  // The AC list (for the AC map's values) is fetched only once that map is shown.
  const acs = useGeoAcs(state, null, layer === 'ac');
  const pcValues = useMemo(() => Object.fromEntries((pcs.data ?? []).map((p) => [p.code, p.acCount])), [pcs.data]);
  const acValues = useMemo(() => (acs.data ? Object.fromEntries(acs.data.map((a) => [a.code, a.pollingStationCount])) : undefined), [acs.data]);
  const reservationLabel = useReservationLabel();
  const info = states.data?.find((s) => s.code === state);
  const stateName = info ? displayName(info, lang) : state;
  const title = t('geo.pcsTitle', { state: stateName });
  useDocumentTitle(`${title} · ${t('app.name')}`);

  const columns: TGeoColumn<TGeoPc>[] = [
    { key: 'number', header: t('geo.colNumber'), cell: (p) => formatNumber(p.number, lang), numeric: true },
    {
      key: 'name',
      header: t('geo.colName'),
      cell: (p) => (
        <Text span fw={500}>
          {p.name}
        </Text>
      ),
    },
    { key: 'nameHi', header: t('geo.colNameHi'), cell: (p) => <HindiName nameHi={p.nameHi} isDerived={p.nameHiDerived} /> },
    { key: 'reservation', header: t('geo.colReservation'), cell: (p) => reservationLabel(p.reservation) },
    { key: 'acs', header: t('geo.colAcs'), cell: (p) => formatNumber(p.acCount, lang), numeric: true },
  ];

  return (
    <Stack gap="md">
      <GeoBreadcrumbs items={[{ label: stateName }]} />
      <Title order={1} size="h2">
        {title}
      </Title>
      <GeoSearchBox />
      {info && (info.pcCount > 0 || info.acCount > 0) && (
        <GeoMapCard
          title={t('map.stateTitle', { state: stateName })}
          state={state}
          layers={[
            { kind: 'pc', label: t('map.layerPc'), values: pcValues, legendTitle: t('map.legendAcs') },
            ...(info.acCount > 0 ? [{ kind: 'ac' as const, label: t('map.layerAc'), values: acValues, legendTitle: t('map.legendPollingStations') }] : []),
          ]}
          layer={layer}
          onLayer={setLayer}
        />
      )}
      <GeoTable
        rows={pcs.data}
        isPending={pcs.isPending}
        error={pcs.error}
        onRetry={() => void pcs.refetch()}
        columns={columns}
        rowKey={(p) => p.code}
        rowHref={(p) => `/geo/${state}/pc/${p.number}`}
        testId="geo-pcs"
      />
    </Stack>
  );
};
