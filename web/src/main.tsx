import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router-dom';
import './app/styles';
import { createQueryClient } from './app/query-client';
import { createRouter } from './app/router';
import { theme } from './app/theme';
import { initI18n } from './i18n';
import { configureApi } from './lib/api';
import { isPublicPath, loginPath } from './modules/auth/paths';

const i18n = initI18n();
const queryClient = createQueryClient();
const router = createRouter();

configureApi({
  getLanguage: () => i18n.resolvedLanguage ?? 'en',
  // A 401 anywhere but the login screen (or a public page) means the session ended: drop cached data, sign in again, come back.
  onUnauthorized: () => {
    const { pathname, search } = router.state.location;
    if (isPublicPath(pathname)) return;
    void router.navigate(loginPath(pathname + search), { replace: true }).then(() => queryClient.clear());
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);
