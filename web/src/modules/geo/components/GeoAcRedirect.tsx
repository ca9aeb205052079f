import { Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState';
import { useGeoAcs } from '../hooks/useGeo';
import { GeoBreadcrumbs } from './GeoBreadcrumbs';

/** /geo/:state/ac/:number — an AC is listed under its Lok Sabha seat, so find that seat and go there. */
export const GeoAcRedirect = () => {
  const { t } = useTranslation();
  const params = useParams();
  const state = (params.state ?? '').toUpperCase();
  const number = Number(params.number);
  const acs = useGeoAcs(state, null);

  if (acs.isPending) {
    return (
      <Center h="40vh">
        <Loader />
      </Center>
    );
  }
  if (acs.isError) return <ErrorState error={acs.error} onRetry={() => void acs.refetch()} />;
  const ac = acs.data.find((a) => a.number === number);
  if (ac?.pcNumber != null) return <Navigate to={`/geo/${state}/pc/${ac.pcNumber}?ac=${ac.number}`} replace />;
  return (
    <Stack>
      <GeoBreadcrumbs items={[{ label: state, to: `/geo/${state}` }]} />
      <Text>{t('geo.acNotFound', { number: params.number ?? '' })}</Text>
    </Stack>
  );
};
