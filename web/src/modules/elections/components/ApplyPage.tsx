import { normalizePhone, type TPublicElection, type TPublicSeat } from '@samiti/common';
import {
  Alert,
  Anchor,
  Autocomplete,
  Box,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../../lib/api';
import { errorField, errorText } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { displayName, pickNames } from '../../../lib/names';
import { hasDevanagari, scriptLang } from '../../../lib/script';
import { LanguageSwitch } from '../../auth/components/LanguageSwitch';
import { applyForSeat, fetchPublicElection, fetchPublicSeatUnits, requestApplicationOtp, type TApplyResult, type TOtpSent } from '../api';

type TField = 'seat' | 'phone' | 'otp' | 'name' | 'home' | 'statement' | 'consent' | 'epic';
const SERVER_FIELD: Record<string, TField> = {
  phone: 'phone',
  otp: 'otp',
  name: 'name',
  nameHi: 'name',
  epic: 'epic',
  homeUnitId: 'home',
  statement: 'statement',
  consent: 'consent',
};

const Shell = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  return (
    <Center mih="100dvh" p="md" bg="gray.0" style={{ alignItems: 'flex-start' }}>
      <Box w="100%" maw={520} pt="md" component="main">
        <Group justify="space-between" mb="md">
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
        {children}
      </Box>
    </Center>
  );
};

/** Home unit picker: units of the seat's area whose name matches what is typed. */
const HomePicker = ({
  seatId,
  value,
  onChange,
  error,
}: {
  seatId: number;
  value: { id: number; label: string } | null;
  onChange: (v: { id: number; label: string } | null) => void;
  error?: string;
}) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [text, setText] = useState(value?.label ?? '');
  const [q] = useDebouncedValue(text, 250);
  const units = useQuery({
    queryKey: ['public', 'seat-units', seatId, q],
    queryFn: ({ signal }) => fetchPublicSeatUnits(seatId, q, signal),
    enabled: q.trim().length >= 2,
  });
  const options = (units.data?.items ?? []).map((u) => ({ value: String(u.id), label: `${displayName(u, lang)} (${u.level})` }));
  return (
    <Autocomplete
      size="lg"
      label={t('elections.apply.home')}
      description={t('elections.apply.homeHint')}
      value={text}
      data={options}
      filter={({ options: o }) => o}
      onChange={(v) => {
        setText(v);
        if (value && v !== value.label) onChange(null);
      }}
      onOptionSubmit={(id) => {
        const label = options.find((o) => o.value === id)?.label ?? '';
        setText(label);
        onChange({ id: Number(id), label });
      }}
      rightSection={units.isFetching ? <Loader size="xs" /> : null}
      error={error}
      required
      data-testid="apply-home"
    />
  );
};

const SEAT_PAGE = 50;

/**
 * The seat box: the election's seats a page at a time (the API is cursor-paged), searched on the server
 * by name, Hindi name or code, with "more seats" for the next page. Any number of seats (a state's 403 ACs).
 */
const SeatPicker = ({
  electionId,
  firstPage,
  seat,
  label,
  onChange,
  error,
}: {
  electionId: number;
  firstPage: TPublicElection;
  seat: TPublicSeat | null;
  label: (s: TPublicSeat) => string;
  onChange: (s: TPublicSeat | null) => void;
  error?: string;
}) => {
  const { t } = useTranslation();
  const [search, setSearch] = useState(seat ? label(seat) : '');
  // The box shows the chosen seat's label as its text: that is not a search.
  const typed = seat && search === label(seat) ? '' : search.trim();
  const [q] = useDebouncedValue(typed, 250);
  const pages = useInfiniteQuery({
    queryKey: ['public', 'election', electionId, 'seats', q],
    queryFn: ({ pageParam, signal }) => fetchPublicElection(electionId, q, pageParam, signal, SEAT_PAGE),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...(q === '' ? { initialData: { pages: [firstPage], pageParams: [null] } } : {}),
  });
  const loaded = pages.data?.pages.flatMap((p) => p.seats) ?? [];
  const options = seat && !loaded.some((s) => s.id === seat.id) ? [seat, ...loaded] : loaded;
  return (
    <Stack gap={4}>
      <Select
        size="lg"
        label={t('elections.apply.seat')}
        placeholder={t('elections.apply.searchSeat')}
        data={options.map((s) => ({ value: String(s.id), label: label(s) }))}
        value={seat === null ? null : String(seat.id)}
        onChange={(v) => onChange(options.find((s) => String(s.id) === v) ?? null)}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        // The server has searched already (Hindi names too): show what it answered.
        filter={({ options: o }) => o}
        nothingFoundMessage={pages.isFetching ? t('elections.apply.seatsLoading') : t('elections.apply.noSeatFound')}
        rightSection={pages.isFetching ? <Loader size="xs" /> : undefined}
        error={error}
        data-testid="apply-seat"
      />
      {pages.hasNextPage && (
        <Group gap="xs">
          <Text size="xs" c="dimmed" data-testid="apply-seat-count">
            {t('elections.apply.seatsShown', { count: loaded.length })}
          </Text>
          <Anchor
            component="button"
            type="button"
            size="xs"
            onClick={() => void pages.fetchNextPage()}
            disabled={pages.isFetchingNextPage}
            data-testid="apply-seat-more"
          >
            {t('elections.apply.moreSeats')}
          </Anchor>
        </Group>
      )}
    </Stack>
  );
};

const ApplyForm = ({ electionName, firstPage }: { electionName: string; firstPage: TPublicElection }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const only = firstPage.seats.length === 1 && firstPage.nextCursor === null ? (firstPage.seats[0] ?? null) : null;
  const [seat, setSeat] = useState<TPublicSeat | null>(only);
  const seatId = seat?.id ?? null;
  const [phone, setPhone] = useState('');
  const [sent, setSent] = useState<TOtpSent | null>(null);
  const [otp, setOtp] = useState('');
  const [name, setName] = useState('');
  const [epic, setEpic] = useState('');
  const [home, setHome] = useState<{ id: number; label: string } | null>(null);
  const [statement, setStatement] = useState('');
  const [consent, setConsent] = useState(false);
  const [problems, setProblems] = useState<Partial<Record<TField, string>>>({});
  const [done, setDone] = useState<TApplyResult | null>(null);
  const sendOtp = useMutation({ mutationFn: (v: { seatId: number; phone: string }) => requestApplicationOtp(v.seatId, v.phone) });
  const apply = useMutation({ mutationFn: (v: Parameters<typeof applyForSeat>) => applyForSeat(...v) });
  const failed = apply.error ?? sendOtp.error;
  const serverField = SERVER_FIELD[errorField(failed) ?? ''] ?? null;
  const serverMessage = failed ? errorText(failed, t) : null;
  const fieldError = (f: TField) => problems[f] ?? (serverField === f && serverMessage ? serverMessage : undefined);
  const isGeneral = serverMessage !== null && (serverField === null || (serverField === 'phone' && sent !== null));
  const clearErrors = (f: TField) => {
    setProblems((p) => ({ ...p, [f]: undefined }));
    if (apply.isError) apply.reset();
    if (sendOtp.isError) sendOtp.reset();
  };
  const e164 = () => {
    const p = normalizePhone(phone);
    return p.ok ? p.e164 : null;
  };

  const requestCode = (e?: FormEvent) => {
    e?.preventDefault();
    const found: Partial<Record<TField, string>> = {};
    if (seatId === null) found.seat = t('elections.apply.errors.seat');
    if (!e164()) found.phone = t('elections.apply.errors.phone');
    setProblems(found);
    if (Object.keys(found).length || seatId === null) return;
    apply.reset();
    sendOtp.mutate({ seatId, phone: e164() as string }, { onSuccess: setSent });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<TField, string>> = {};
    if (!/^\d{6}$/.test(otp)) found.otp = t('elections.apply.errors.otp');
    if (!name.trim()) found.name = t('elections.apply.errors.name');
    if (!home) found.home = t('elections.apply.errors.home');
    if (!statement.trim()) found.statement = t('elections.apply.errors.statement');
    if (!consent) found.consent = t('elections.apply.errors.consent');
    setProblems(found);
    if (Object.keys(found).length || seatId === null || !home) return;
    const n = name.trim().replace(/\s+/g, ' ');
    apply.mutate(
      [
        seatId,
        {
          phone: e164() ?? phone,
          otp,
          ...(hasDevanagari(n) ? { nameHi: n } : { name: n }),
          ...(epic.trim() ? { epic: epic.trim() } : {}),
          homeUnitId: home.id,
          statement: statement.trim(),
          consent: true,
        },
      ],
      { onSuccess: setDone },
    );
  };

  if (done) {
    return (
      <Alert color="teal" variant="light" role="status" data-testid="apply-success" title={t('elections.apply.successTitle')}>
        <Text>{t('elections.apply.successBody', { seat: displayName(done.seat, lang), election: displayName(done.election, lang) })}</Text>
      </Alert>
    );
  }
  const general = isGeneral && (
    <Alert color="red" role="alert" data-testid="apply-error">
      {serverMessage}
    </Alert>
  );
  const seatLabel = (s: TPublicSeat) => `${s.number ?? s.code} · ${displayName(s, lang)}${s.reservation ? ` (${s.reservation})` : ''}`;

  if (!sent) {
    return (
      <form onSubmit={requestCode} noValidate data-testid="apply-phone-form">
        <Stack>
          {general}
          <SeatPicker
            electionId={firstPage.id}
            firstPage={firstPage}
            seat={seat}
            label={seatLabel}
            onChange={(s) => {
              setSeat(s);
              clearErrors('seat');
            }}
            error={fieldError('seat')}
          />
          <TextInput
            type="tel"
            size="lg"
            label={t('elections.apply.phone')}
            placeholder="98765 43210"
            value={phone}
            onChange={(e) => {
              setPhone(e.currentTarget.value);
              clearErrors('phone');
            }}
            inputMode="tel"
            autoComplete="tel-national"
            error={fieldError('phone')}
            required
            data-testid="apply-phone"
          />
          <Button type="submit" size="lg" fullWidth loading={sendOtp.isPending} data-testid="apply-send-otp">
            {t('elections.apply.sendOtp')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="apply-form">
      <Stack>
        <Alert color="blue" variant="light" data-testid="apply-otp-sent">
          <Stack gap={6}>
            <Text size="sm">
              {electionName} · {seat ? seatLabel(seat) : ''}
            </Text>
            <Text size="sm">{t('elections.apply.otpSent', { phone: sent.phone, time: formatDateTime(sent.expiresAt, lang) })}</Text>
            <Group gap="md">
              <Anchor component="button" type="button" size="sm" onClick={() => setSent(null)}>
                {t('elections.apply.changePhone')}
              </Anchor>
              <Anchor component="button" type="button" size="sm" onClick={() => requestCode()} disabled={sendOtp.isPending}>
                {t('elections.apply.resend')}
              </Anchor>
            </Group>
          </Stack>
        </Alert>
        {general}
        <TextInput
          size="lg"
          label={t('elections.apply.otp')}
          value={otp}
          onChange={(e) => {
            setOtp(e.currentTarget.value.replace(/\D/g, '').slice(0, 6));
            clearErrors('otp');
          }}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          error={fieldError('otp')}
          required
          data-testid="apply-otp"
        />
        <TextInput
          size="lg"
          label={t('elections.apply.name')}
          description={t('elections.apply.nameHint')}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            clearErrors('name');
          }}
          autoComplete="name"
          error={fieldError('name')}
          required
          data-testid="apply-name"
        />
        <TextInput
          size="lg"
          label={t('elections.apply.epic')}
          value={epic}
          onChange={(e) => {
            setEpic(e.currentTarget.value);
            clearErrors('epic');
          }}
          error={fieldError('epic')}
          data-testid="apply-epic"
        />
        {seatId !== null && (
          <HomePicker
            seatId={seatId}
            value={home}
            onChange={(v) => {
              setHome(v);
              clearErrors('home');
            }}
            error={fieldError('home')}
          />
        )}
        <Textarea
          size="lg"
          label={t('elections.apply.statement')}
          value={statement}
          onChange={(e) => {
            setStatement(e.currentTarget.value);
            clearErrors('statement');
          }}
          autosize
          minRows={3}
          maxLength={2000}
          error={fieldError('statement')}
          required
          data-testid="apply-statement"
        />
        <Paper withBorder p="sm" radius="md">
          <Checkbox
            size="md"
            checked={consent}
            onChange={(e) => {
              setConsent(e.currentTarget.checked);
              clearErrors('consent');
            }}
            label={t('elections.apply.consent')}
            error={fieldError('consent')}
            data-testid="apply-consent"
          />
        </Paper>
        <Button type="submit" size="lg" fullWidth loading={apply.isPending} data-testid="apply-submit">
          {t('elections.apply.submit')}
        </Button>
      </Stack>
    </form>
  );
};

const ApplyBody = ({ id }: { id: number }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  // The election and the first page of its seats; the seat box pages and searches the rest.
  const election = useQuery({
    queryKey: ['public', 'election', id],
    queryFn: ({ signal }) => fetchPublicElection(id, '', null, signal, SEAT_PAGE),
  });
  useDocumentTitle(`${election.data ? pickNames(election.data, lang).primary : t('elections.apply.title')} · ${t('app.name')}`);
  if (election.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (election.isError)
    return (
      <Alert color="red" role="alert" data-testid="apply-unavailable">
        {election.error instanceof ApiError && election.error.status === 404 ? t('elections.apply.notFound') : errorText(election.error, t)}
      </Alert>
    );
  const e = election.data;
  const names = pickNames(e, lang);
  return (
    <Paper withBorder shadow="sm" p="lg" radius="md">
      <Stack>
        <div>
          <Text size="sm" c="dimmed">
            {t('elections.apply.title')}
          </Text>
          <Title order={1} size="h2" lang={scriptLang(names.primary)} data-testid="apply-election-name">
            {names.primary}
          </Title>
          {names.secondary && (
            <Text size="sm" c="dimmed" lang={scriptLang(names.secondary)}>
              {names.secondary}
            </Text>
          )}
        </div>
        {e.seats.length === 0 ? (
          <Alert color="orange" data-testid="apply-unavailable">
            {t('elections.apply.noSeats')}
          </Alert>
        ) : (
          <ApplyForm electionName={names.primary} firstPage={e} />
        )}
      </Stack>
    </Paper>
  );
};

/** /apply/:electionId — public application for a seat, no sign-in: seat, phone, SMS code, name, home, statement, consent. */
export const ApplyPage = () => {
  const { t } = useTranslation();
  const raw = useParams().electionId;
  const id = raw && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  return (
    <Shell>
      {id === null ? (
        <Alert color="red" role="alert" data-testid="apply-unavailable">
          {t('elections.apply.notFound')}
        </Alert>
      ) : (
        <ApplyBody key={id} id={id} />
      )}
    </Shell>
  );
};
