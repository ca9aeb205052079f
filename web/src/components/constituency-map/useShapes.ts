import type { TGeoShapeKind, TGeoShapes } from '@samiti/common';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const shapeKeys = { shapes: (kind: TGeoShapeKind, state: string | null) => ['geo', 'shapes', kind, state] as const };

/**
 * The map's shapes. Reference data: never refetched while the app is open; the browser's HTTP
 * cache (max-age + ETag) keeps them across visits, so a phone downloads a map once.
 */
export const useShapes = (kind: TGeoShapeKind, state: string | null): UseQueryResult<TGeoShapes> =>
  useQuery({
    queryKey: shapeKeys.shapes(kind, state),
    queryFn: ({ signal }) => api<TGeoShapes>(`/geo/shapes/${kind}`, { query: { state }, signal }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 30 * 60 * 1000,
  });
