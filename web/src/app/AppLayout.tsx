import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { LanguageSwitch } from '../modules/auth/components/LanguageSwitch';
import { NotificationBell } from '../modules/notifications/components/NotificationBell';
import { UserMenu } from '../modules/auth/components/UserMenu';
import classes from './AppLayout.module.css';
import { DrawerNav, InlineNav, type TNavItem, useWideNav } from './TopNav';

/** The top navigation's items, most used first: the order decides which stay in view when space runs out. */
const useNavItems = (): TNavItem[] => {
  const { t } = useTranslation();
  const items = [
    { to: '/', label: t('nav.organisation'), testId: 'nav-units', isActive: (path: string) => path === '/' || path.startsWith('/units') },
    { to: '/people', label: t('nav.people'), testId: 'nav-people', isActive: (path: string) => path.startsWith('/people') },
    {
      to: '/drives',
      label: t('nav.membership'),
      testId: 'nav-drives',
      isActive: (path: string) => path.startsWith('/drives') || path.startsWith('/sms-outbox'),
    },
    {
      to: '/trainings',
      label: t('training.nav'),
      testId: 'nav-trainings',
      isActive: (path: string) => path.startsWith('/trainings') || path.startsWith('/training-sessions'),
    },
    { to: '/tours', label: t('tours.nav'), testId: 'nav-tours', isActive: (path: string) => path.startsWith('/tours') },
    {
      to: '/programmes',
      label: t('programmes.nav'),
      testId: 'nav-programmes',
      isActive: (path: string) => path.startsWith('/programmes') || path.startsWith('/programme-instances'),
    },
    {
      to: '/elections',
      label: t('elections.nav'),
      testId: 'nav-elections',
      isActive: (path: string) => path.startsWith('/elections') || path.startsWith('/seats'),
    },
    { to: '/geo', label: t('nav.geography'), testId: 'nav-geo', isActive: (path: string) => path.startsWith('/geo') },
    { to: '/post-templates', label: t('posts.templates.nav'), testId: 'nav-post-templates', isActive: (path: string) => path.startsWith('/post-templates') },
  ];
  return items;
};

/**
 * Header (name, navigation, language, account) over the page. From tablets up the navigation is
 * inline with "More" for what does not fit; on phones it is a menu button and a drawer.
 */
export const AppLayout = () => {
  const { t } = useTranslation();
  const items = useNavItems();
  const wide = useWideNav();
  return (
    <Box mih="100dvh" bg="gray.0">
      <a href="#main" className={classes.skip}>
        {t('app.skipToContent')}
      </a>
      <Box component="header" className={classes.header}>
        <Container size="lg" px="sm">
          <Group h={52} justify="space-between" wrap="nowrap" gap="xs">
            <Group gap={wide ? 'lg' : 'xs'} wrap="nowrap" className={classes.start}>
              {!wide && <DrawerNav items={items} />}
              <Anchor component={Link} to="/" underline="never" c="inherit">
                <Text fw={700} size="lg" style={{ whiteSpace: 'nowrap' }}>
                  {t('app.name')}
                </Text>
              </Anchor>
              {wide && <InlineNav items={items} />}
            </Group>
            <Group gap="xs" wrap="nowrap">
              <NotificationBell />
              <LanguageSwitch />
              <UserMenu />
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="lg" px="sm" py="md" component="main" id="main">
        <Outlet />
      </Container>
    </Box>
  );
};
