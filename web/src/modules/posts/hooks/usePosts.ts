import type { TPostTemplate, TTenure, TUnitPosts } from '@samiti/common';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCursorQuery } from '../../../lib/cursor';
import { fetchPersonTenures, fetchPostTemplates, fetchUnitPosts, fetchUnitTenures, postKeys } from '../api';

export const useUnitPosts = (unitId: number): UseQueryResult<TUnitPosts> =>
  useQuery({ queryKey: postKeys.unit(unitId), queryFn: ({ signal }) => fetchUnitPosts(unitId, signal) });

/** The unit's post history a page at a time. */
export const useUnitTenures = (unitId: number) =>
  useCursorQuery<TTenure>(postKeys.unitTenures(unitId), (cursor, signal) => fetchUnitTenures(unitId, cursor, signal));

/** A person's posts, past and present, a page at a time. */
export const usePersonTenures = (personId: number) =>
  useCursorQuery<TTenure>(postKeys.person(personId), (cursor, signal) => fetchPersonTenures(personId, cursor, signal));

/** Every level's post template for a wing; they change rarely. */
export const usePostTemplates = (wing = 'main'): UseQueryResult<TPostTemplate[]> =>
  useQuery({ queryKey: postKeys.templates(wing), queryFn: ({ signal }) => fetchPostTemplates(wing, signal), staleTime: 5 * 60_000 });
