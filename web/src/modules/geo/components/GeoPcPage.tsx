import type { TGeoAc } from '@samiti/common';
import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { useGeoAcs, useGeoPcs, useGeoStates } from '../hooks/useGeo';
import { GeoBreadcrumbs } from './GeoBreadcrumbs';
import { GeoMapCard } from './GeoMapCard';
import { GeoSearchBox } from './GeoSearchBox';
import { GeoTable, type TGeoColumn } from './GeoTable';
import { HindiName } from './HindiName';

/** /geo/:state/pc/:number — the assembly constituencies of one Lok Sabha seat. `?ac=` highlights one. */
export const GeoPcPage = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const params = useParams();
  const [search] = useSearchParams();
  const state = (params.state ?? '').toUpperCase();
  const pcNumber = Number(params.number);
  const highlightAc = Number(search.get('ac')) || null;
  const states = useGeoStates();
  const pcs = useGeoPcs(state);
  const acs = useGeoAcs(state, pcNumber);
  const stateInfo = states.data?.find((s) => s.code === state);
  const pcInfo = pcs.data?.find((p) => p.number === pcNumber);
  const stateName = stateInfo ? displayName(stateInfo, lang) : state;
  const pcName = pcInfo ? `${formatNumber(pcInfo.number, lang)} – ${displayName(pcInfo, lang)}` : formatNumber(pcNumber, lang);
  const title = t('geo.acsTitle', { pc: pcName });
  useDocumentTitle(`${title} · ${t('app.name')}`);

  const acCodes = useMemo(() => (acs.data ?? []).map((a) => a.code), [acs.data]);
  const acValues = useMemo(() => Object.fromEntries((acs.data ?? []).map((a) => [a.code, a.pollingStationCount])), [acs.data]);
  const rowKey = (a: TGeoAc) => a.code;
  useEffect(() => {
    if (!highlightAc || !acs.data) return;
    const row = acs.data.find((a) => a.number === highlightAc);
    if (row) document.getElementById(row.code)?.scrollIntoView({ block: 'center' });
  }, [highlightAc, acs.data]);

  const columns: TGeoColumn<TGeoAc>[] = [
    { key: 'number', header: t('geo.colNumber'), cell: (a) => formatNumber(a.number, lang), numeric: true },
    {
      key: 'name',
      header: t('geo.colName'),
      cell: (a) => (
        <Text span fw={500}>
          {a.name}
        </Text>
      ),
    },
    { key: 'nameHi', header: t('geo.colNameHi'), cell: (a) => <HindiName nameHi={a.nameHi} isDerived={a.nameHiDerived} /> },
    { key: 'districts', header: t('geo.colDistricts'), cell: (a) => a.districts.map((d) => d.name).join(', ') || t('history.emptyValue') },
    { key: 'ps', header: t('geo.colPollingStations'), cell: (a) => formatNumber(a.pollingStationCount, lang), numeric: true },
  ];

  return (
    <Stack gap="md">
      <GeoBreadcrumbs items={[{ label: stateName, to: `/geo/${state}` }, { label: pcName }]} />
      <Title order={1} size="h2">
        {title}
      </Title>
      <GeoSearchBox />
      {acCodes.length > 0 && (
        <GeoMapCard
          title={t('map.pcTitle', { pc: pcName })}
          state={state}
          only={acCodes}
          layers={[{ kind: 'ac', label: t('map.layerAc'), values: acValues, legendTitle: t('map.legendPollingStations') }]}
          layer="ac"
        />
      )}
      <GeoTable
        rows={acs.data}
        isPending={acs.isPending}
        error={acs.error}
        onRetry={() => void acs.refetch()}
        columns={columns}
        rowKey={rowKey}
        highlight={(a) => a.number === highlightAc}
        testId="geo-acs"
      />
    </Stack>
  );
};
