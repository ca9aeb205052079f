import { Center, Loader } from '@mantine/core';
import { Navigate } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState';
import { useMe } from '../../auth/hooks/useMe';
import { useRootUnit } from '../hooks/useUnit';

/** "/" opens the user's own unit, or the national unit of the main wing when they have none. */
export const HomeRedirect = () => {
  const { data: me } = useMe();
  const homeUnitId = me?.homeUnitId ?? null;
  const root = useRootUnit('main', me !== undefined && homeUnitId === null);

  if (homeUnitId !== null) return <Navigate to={`/units/${homeUnitId}`} replace />;
  if (root.data) return <Navigate to={`/units/${root.data.id}`} replace />;
  if (root.isError) return <ErrorState error={root.error} onRetry={() => void root.refetch()} />;
  return (
    <Center h="40vh">
      <Loader />
    </Center>
  );
};
