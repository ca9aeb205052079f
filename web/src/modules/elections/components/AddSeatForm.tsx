import { SEAT_RESERVATIONS } from '@samiti/common';
import { Alert, Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { createSeat, electionKeys } from '../api';

/** One local-body seat typed in by hand (many at once: the CSV import). */
export const AddSeatForm = ({ electionId }: { electionId: number }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [nameHi, setNameHi] = useState('');
  const [reservation, setReservation] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () =>
      createSeat(electionId, {
        code: code.trim(),
        number: /^\d+$/.test(code.trim()) ? Number(code.trim()) : undefined,
        name: name.trim(),
        nameHi: nameHi.trim() || undefined,
        reservation: (reservation as (typeof SEAT_RESERVATIONS)[number] | null) ?? undefined,
      }),
    onSuccess: async () => {
      setCode('');
      setName('');
      setNameHi('');
      await queryClient.invalidateQueries({ queryKey: electionKeys.all });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Paper withBorder p="sm" radius="md">
      <form onSubmit={onSubmit} data-testid="seat-add-form">
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput label={t('elections.seatCode')} value={code} onChange={(e) => setCode(e.currentTarget.value)} required w={120} />
          <TextInput label={t('elections.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          <TextInput label={t('elections.nameHi')} lang="hi" value={nameHi} onChange={(e) => setNameHi(e.currentTarget.value)} />
          <Select
            label={t('elections.reservation')}
            data={[...SEAT_RESERVATIONS]}
            value={reservation}
            onChange={setReservation}
            clearable
            w={140}
          />
          <Button type="submit" loading={add.isPending} disabled={!code.trim() || !name.trim()}>
            {t('elections.addSeat')}
          </Button>
        </Group>
      </form>
      {add.isError && (
        <Alert color="red" mt="xs">
          {errorText(add.error, t)}
        </Alert>
      )}
    </Paper>
  );
};
