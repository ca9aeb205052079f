import type { TTenure, TUnitPosts } from '@samiti/common';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { fetchPersonTenures, fetchUnitPosts, fetchUnitTenures, postKeys } from '../api';

export const useUnitPosts = (unitId: number): UseQueryResult<TUnitPosts> =>
  useQuery({ queryKey: postKeys.unit(unitId), queryFn: ({ signal }) => fetchUnitPosts(unitId, signal) });

export const useUnitTenures = (unitId: number): UseQueryResult<TTenure[]> =>
  useQuery({ queryKey: postKeys.unitTenures(unitId), queryFn: ({ signal }) => fetchUnitTenures(unitId, signal) });

export const usePersonTenures = (personId: number): UseQueryResult<TTenure[]> =>
  useQuery({ queryKey: postKeys.person(personId), queryFn: ({ signal }) => fetchPersonTenures(personId, signal) });
