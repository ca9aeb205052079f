import type { TGeoPc } from '@samiti/common';
import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { useGeoPcs, useGeoStates } from '../hooks/useGeo';
import { useReservationLabel } from '../hooks/useGeoKindLabel';
import { GeoBreadcrumbs } from './GeoBreadcrumbs';
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
