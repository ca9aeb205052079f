import type { TCalendarStop } from '@samiti/common';
import { ActionIcon, Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState';
import { displayName } from '../../../lib/names';
import { personName } from '../../people/names';
import { byDay, indiaDay, indiaTime, monthGrid, shiftMonth } from '../month';
import classes from './MonthCalendar.module.css';

type Props = {
  month: string;
  onMonth: (month: string) => void;
  calendar: UseQueryResult<{ items: TCalendarStop[]; isTruncated: boolean }>;
  /** What each entry names besides the time: the place (a leader's calendar) or the leader (a unit's). */
  show: 'unit' | 'leader';
};

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A month grid (Monday first, days in India) with each day's stops; on a phone the grid becomes a list of days with stops. */
export const MonthCalendar = ({ month, onMonth, calendar, show }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const days = byDay(calendar.data?.items ?? []);
  const today = indiaDay(new Date());
  const title = new Intl.DateTimeFormat(lang === 'hi' ? 'hi-IN' : 'en-IN', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
  const entry = (s: TCalendarStop) => (
    <Anchor key={s.id} component={Link} to={`/tours/${s.tour.id}`} size="xs" className={classes.entry} data-testid="calendar-stop">
      {indiaTime(s.startsAt)} {show === 'unit' ? displayName(s.unit, lang) : personName(s.leader, lang)}
    </Anchor>
  );
  return (
    <Stack gap="xs" data-testid="month-calendar">
      <Group justify="space-between">
        <ActionIcon variant="default" onClick={() => onMonth(shiftMonth(month, -1))} aria-label={t('tours.prevMonth')}>
          ‹
        </ActionIcon>
        <Text fw={600} data-testid="calendar-month">
          {title}
        </Text>
        <ActionIcon variant="default" onClick={() => onMonth(shiftMonth(month, 1))} aria-label={t('tours.nextMonth')}>
          ›
        </ActionIcon>
      </Group>
      {calendar.isPending && <Skeleton height={200} />}
      {calendar.isError && <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />}
      {calendar.data && (
        <>
          <div className={classes.grid}>
            <SimpleGrid cols={7} spacing={2}>
              {WEEKDAYS.map((d) => (
                <Text key={d} size="xs" c="dimmed" ta="center">
                  {t(`tours.weekdays.${d}`)}
                </Text>
              ))}
              {monthGrid(month)
                .flat()
                .map((day, i) => (
                  <Paper
                    key={day ?? `pad-${i}`}
                    withBorder={day !== null}
                    p={4}
                    radius="xs"
                    className={day === today ? classes.today : classes.day}
                  >
                    {day && (
                      <>
                        <Text size="xs" fw={600}>
                          {Number(day.slice(8))}
                        </Text>
                        {(days.get(day) ?? []).map(entry)}
                      </>
                    )}
                  </Paper>
                ))}
            </SimpleGrid>
          </div>
          <Stack gap={4} className={classes.list}>
            {[...days.entries()].map(([day, stops]) => (
              <Paper key={day} withBorder p="xs" radius="sm">
                <Text size="sm" fw={600}>
                  {new Intl.DateTimeFormat(lang === 'hi' ? 'hi-IN' : 'en-IN', {
                    weekday: 'short',
                    day: 'numeric',
                    month: 'short',
                    timeZone: 'UTC',
                  }).format(new Date(`${day}T00:00:00Z`))}
                </Text>
                <Stack gap={2}>{stops.map(entry)}</Stack>
              </Paper>
            ))}
          </Stack>
          {calendar.data.items.length === 0 && (
            <Text size="sm" c="dimmed" ta="center">
              {t('tours.calendarEmpty')}
            </Text>
          )}
          {calendar.data.isTruncated && (
            <Text size="xs" c="orange">
              {t('tours.calendarTruncated')}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
};
