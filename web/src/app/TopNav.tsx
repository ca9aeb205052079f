import { Box, Burger, Drawer, Menu, NavLink, Stack, UnstyledButton, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { fitCount } from '../lib/fit';
import classes from './AppLayout.module.css';

export type TNavItem = { to: string; label: string; testId: string; isActive: (path: string) => boolean };

/**
 * Whether the header has room for an inline navigation (tablets and up). Read at the first render,
 * not in an effect, so a phone never draws the inline row for a frame; only one of the two
 * navigations is ever in the page, so each `nav-*` test id is there once.
 */
export const useWideNav = () => {
  const theme = useMantineTheme();
  return useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, undefined, { getInitialValueInEffect: false });
};

const navClass = (active: boolean) => (active ? `${classes.nav} ${classes.active}` : classes.nav);

const GAP = 4;

/**
 * The inline navigation: as many items as fit on one line, in their order (the most used first),
 * and the rest under "More". It measures the labels (an invisible copy without test ids), so it
 * holds in Hindi as in English, at any width, however many items the app grows.
 */
export const InlineNav = ({ items }: { items: TNavItem[] }) => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const boxRef = useRef<HTMLElement>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const [count, setCount] = useState(items.length);
  const labels = items.map((item) => item.label).join('\u0000');
  // Measured before the first paint and again whenever the room changes, so nothing ever wraps.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels are read from the DOM copy; a new language must measure again.
  useLayoutEffect(() => {
    const box = boxRef.current;
    const measure = measureRef.current;
    if (!box || !measure) return;
    const fit = () => {
      const widths = [...measure.children].map((el) => el.getBoundingClientRect().width);
      const more = widths.pop() ?? 0;
      setCount(fitCount(widths, more, box.getBoundingClientRect().width, GAP));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => observer.disconnect();
  }, [labels]);
  const shown = items.slice(0, count);
  const rest = items.slice(count);
  return (
    <Box component="nav" ref={boxRef} aria-label={t('nav.menu')} className={classes.inline}>
      <div ref={measureRef} className={classes.measure} aria-hidden="true">
        {items.map((item) => (
          <span key={item.to} className={classes.nav}>
            {item.label}
          </span>
        ))}
        <span className={classes.nav}>{t('nav.more')} ▾</span>
      </div>
      {shown.map((item) => (
        <Link
          key={item.to}
          to={item.to}
          className={navClass(item.isActive(pathname))}
          aria-current={item.isActive(pathname) ? 'page' : undefined}
          data-testid={item.testId}
        >
          {item.label}
        </Link>
      ))}
      {rest.length > 0 && (
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <UnstyledButton className={navClass(rest.some((item) => item.isActive(pathname)))} data-testid="nav-more">
              {t('nav.more')} ▾
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            {rest.map((item) => (
              <Menu.Item
                key={item.to}
                component={Link}
                to={item.to}
                aria-current={item.isActive(pathname) ? 'page' : undefined}
                c={item.isActive(pathname) ? 'indigo.8' : undefined}
                fw={item.isActive(pathname) ? 600 : undefined}
                data-testid={item.testId}
              >
                {item.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </Box>
  );
};

/** On phones: a menu button that opens every item in a drawer from the left, one per line. */
export const DrawerNav = ({ items }: { items: TNavItem[] }) => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Burger
        size="sm"
        opened={opened}
        onClick={() => setOpened((o) => !o)}
        aria-label={t('nav.openMenu')}
        aria-expanded={opened}
        data-testid="nav-burger"
      />
      <Drawer opened={opened} onClose={() => setOpened(false)} title={t('app.name')} size={280} padding="sm">
        <Stack component="nav" gap={2} aria-label={t('nav.menu')} data-testid="nav-drawer">
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              active={item.isActive(pathname)}
              aria-current={item.isActive(pathname) ? 'page' : undefined}
              onClick={() => setOpened(false)}
              data-testid={item.testId}
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            />
          ))}
        </Stack>
      </Drawer>
    </>
  );
};
