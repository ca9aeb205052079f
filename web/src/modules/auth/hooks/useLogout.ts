import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { logout } from '../api';

/** Ends the session and drops everything cached for this user, even if the server could not be reached. */
export const useLogout = (): UseMutationResult<void, Error, void> => {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSettled: async () => {
      // Leave the page first so its queries are not refetched the moment the cache empties.
      await navigate('/login', { replace: true });
      queryClient.clear();
    },
  });
};
