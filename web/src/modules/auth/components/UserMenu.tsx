import { Avatar, Menu, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { canReadOutbox } from '../../membership/permissions';
import { useLogout } from '../hooks/useLogout';
import { useMe } from '../hooks/useMe';

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0] ?? '')
    .join('')
    .toUpperCase();

export const UserMenu = () => {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const logout = useLogout();
  if (!me) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('auth.account')} data-testid="user-menu">
          <Avatar radius="xl" size="md" color="indigo">
            {initials(me.displayName || me.username)}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('auth.signedInAs', { name: me.displayName || me.username })}</Menu.Label>
        {canReadOutbox(me.grants) && (
          <Menu.Item component={Link} to="/sms-outbox" data-testid="menu-sms-outbox">
            {t('drives.smsOutbox')}
          </Menu.Item>
        )}
        <Menu.Item onClick={() => logout.mutate()} disabled={logout.isPending} data-testid="logout">
          {t('auth.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
};
