import type { TPostSlot } from '@samiti/common';
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { pickNames } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { PersonName } from '../../people/components/PersonName';
import { personName } from '../../people/names';
import { slotSeats, type THolder } from '../slots';

type Props = {
  slot: TPostSlot;
  canAppoint: boolean;
  onAppoint: (slot: TPostSlot) => void;
  onEnd: (slot: TPostSlot, holder: THolder) => void;
  onReplace: (slot: TPostSlot, holder: THolder) => void;
};

/** One post of a unit: its holders (with End tenure / Replace) and a "Vacant" row (with Appoint) per empty seat. */
export const PostSlotCard = ({ slot, canAppoint, onAppoint, onEnd, onReplace }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const { primary, secondary } = pickNames(slot, lang);
  const seats = slotSeats(slot);

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="section"
      aria-label={primary}
      data-testid="post-slot"
      data-post={slot.post}
      data-vacant={slot.vacant}
      style={slot.vacant > 0 ? { borderLeft: '3px solid var(--mantine-color-orange-4)' } : undefined}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" mb={6} align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={700} lang={scriptLang(primary)} data-testid="post-name">
            {primary}
            {secondary && (
              <Text span size="xs" c="dimmed" fw={400} ml={6} lang={scriptLang(secondary)}>
                {secondary}
              </Text>
            )}
          </Text>
        </div>
        {slot.seats > 1 && (
          <Badge size="sm" variant="outline" color="gray" tt="none" style={{ flexShrink: 0 }}>
            {t('posts.seats', { count: slot.seats })}
          </Badge>
        )}
      </Group>
      <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {seats.map((seat) =>
          seat.kind === 'held' ? (
            <Group
              key={seat.key}
              component="li"
              justify="space-between"
              gap="xs"
              data-testid="post-holder"
              data-person-id={seat.holder.personId}
              data-tenure-id={seat.holder.tenureId}
            >
              <div style={{ minWidth: 0, flex: '1 1 160px' }}>
                <PersonName person={seat.holder} personId={seat.holder.personId} layout="inline" testId="holder-name" />
                <Group gap={6}>
                  <Text size="xs" c="dimmed">
                    {t('posts.since', { date: formatDate(seat.holder.startDate, lang) })}
                  </Text>
                  {seat.holder.isFromOutside && (
                    <Badge size="xs" variant="outline" color="grape" tt="none" title={t('posts.fromOutsideHint')}>
                      {t('posts.fromOutside')}
                    </Badge>
                  )}
                </Group>
              </div>
              {canAppoint && (
                <Group
                  gap={6}
                  wrap="nowrap"
                  role="group"
                  aria-label={t('posts.holderActions', { name: personName(seat.holder, lang) || t('people.unnamed') })}
                >
                  <Button size="compact-sm" variant="default" onClick={() => onReplace(slot, seat.holder)} data-testid="replace-button">
                    {t('posts.replace')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="light"
                    color="red"
                    onClick={() => onEnd(slot, seat.holder)}
                    data-testid="end-tenure-button"
                  >
                    {t('posts.endTenure')}
                  </Button>
                </Group>
              )}
            </Group>
          ) : (
            <Group key={seat.key} component="li" justify="space-between" gap="xs" data-testid="post-vacant">
              <Badge color="orange" variant="light" tt="none" data-testid="vacant-badge">
                {t('posts.vacant')}
              </Badge>
              {canAppoint && (
                <Button size="compact-sm" onClick={() => onAppoint(slot)} data-testid="appoint-button">
                  {t('posts.appoint')}
                </Button>
              )}
            </Group>
          ),
        )}
      </Stack>
    </Paper>
  );
};
