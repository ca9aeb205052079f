import { normalizePhone, type TPublicDrive } from '@samiti/common';
import { Alert, Anchor, Box, Button, Center, Checkbox, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../lib/api';
import { errorField, errorText } from '../../../lib/errors';
import { formatDate, formatDateTime } from '../../../lib/format';
import { displayName, pickNames } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { LanguageSwitch } from '../../auth/components/LanguageSwitch';
import type { TOtpSent, TSelfEnrolResult } from '../api';
import { idParam } from '../drive';
import { usePublicDrive, useRequestOtp, useSelfEnrol } from '../hooks/usePublicJoin';
import {
  boothDigits,
  joinFieldOf,
  phoneProblem,
  type TJoinField,
  type TJoinProblem,
  type TJoinValues,
  toSelfEnrolBody,
  validateJoin,
} from '../join';

const Shell = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  return (
    <Center mih="100dvh" p="md" bg="gray.0" style={{ alignItems: 'flex-start' }}>
      <Box w="100%" maw={480} pt="md" component="main">
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

const DriveTitle = ({ drive }: { drive: TPublicDrive }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const { primary, secondary } = pickNames(drive, lang);
  const unitName = displayName(drive.unit, lang);
  return (
    <div>
      <Title order={1} size="h2" lang={scriptLang(primary)} data-testid="join-drive-name">
        {primary}
      </Title>
      {secondary && (
        <Text size="sm" c="dimmed" lang={scriptLang(secondary)}>
          {secondary}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        <span lang={scriptLang(unitName)}>{unitName}</span> ·{' '}
        {t('join.dates', { start: formatDate(drive.startsOn, lang), end: formatDate(drive.endsOn, lang) })}
      </Text>
    </div>
  );
};

const JoinForm = ({ drive }: { drive: TPublicDrive }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const [params] = useSearchParams();
  const otp = useRequestOtp(drive.id);
  const enrol = useSelfEnrol(drive.id);
  const [values, setValues] = useState<TJoinValues>(() => ({
    phone: '',
    otp: '',
    name: '',
    booth: boothDigits(params.get('booth')),
    consent: false,
  }));
  const [sent, setSent] = useState<TOtpSent | null>(null);
  const [problems, setProblems] = useState<Partial<Record<TJoinField, TJoinProblem>>>({});
  const [done, setDone] = useState<TSelfEnrolResult | null>(null);

  const set = <K extends TJoinField>(field: K, value: TJoinValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
    if (enrol.isError) enrol.reset();
    if (otp.isError) otp.reset();
  };

  const failed = enrol.error ?? otp.error;
  const serverField = joinFieldOf(errorField(failed));
  const serverMessage = failed ? errorText(failed, t) : null;
  const fieldError = (field: TJoinField): string | undefined => {
    const problem = problems[field];
    if (problem) return t(`join.errors.${problem}`);
    return serverField === field && serverMessage ? serverMessage : undefined;
  };
  // The phone box is gone once the code is sent: a phone error then shows in the alert.
  const isGeneral = serverMessage !== null && (serverField === null || (serverField === 'phone' && sent !== null));

  const sendCode = (e?: FormEvent) => {
    e?.preventDefault();
    const problem = phoneProblem(values.phone);
    setProblems((p) => ({ ...p, phone: problem ?? undefined }));
    if (problem) return;
    const parsed = normalizePhone(values.phone);
    enrol.reset();
    otp.mutate(parsed.ok ? parsed.e164 : values.phone.trim(), { onSuccess: setSent });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateJoin(values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    enrol.mutate(toSelfEnrolBody(values), { onSuccess: setDone });
  };

  if (done) {
    const unitName = displayName(done.unit, lang);
    return (
      <Alert color="teal" variant="light" role="status" data-testid="join-success" title={t('join.successTitle')}>
        <Text size="md">{t('join.successBody', { drive: pickNames(drive, lang).primary, unit: unitName })}</Text>
      </Alert>
    );
  }

  const generalAlert = isGeneral && (
    <Alert color="red" role="alert" data-testid="join-error">
      {serverMessage}
    </Alert>
  );

  if (!sent) {
    return (
      <form onSubmit={sendCode} noValidate data-testid="join-phone-form">
        <Stack>
          <Text>{t('join.intro')}</Text>
          {generalAlert}
          <TextInput
            type="tel"
            size="lg"
            label={t('join.phone')}
            placeholder="98765 43210"
            value={values.phone}
            onChange={(e) => set('phone', e.currentTarget.value)}
            error={fieldError('phone')}
            inputMode="tel"
            autoComplete="tel-national"
            required
            autoFocus
            data-testid="join-phone"
          />
          <Button type="submit" size="lg" fullWidth loading={otp.isPending} data-testid="join-send-otp">
            {t('join.sendOtp')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="join-form">
      <Stack>
        <Alert color="blue" variant="light" data-testid="join-otp-sent">
          <Stack gap={6}>
            <Text size="sm">{t('join.otpSent', { phone: sent.phone, time: formatDateTime(sent.expiresAt, lang) })}</Text>
            <Group gap="md">
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => {
                  setSent(null);
                  set('otp', '');
                }}
                data-testid="join-change-phone"
              >
                {t('join.changePhone')}
              </Anchor>
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => sendCode()}
                disabled={otp.isPending}
                data-testid="join-resend"
              >
                {t('join.resend')}
              </Anchor>
              {otp.isPending && <Loader size="xs" />}
            </Group>
          </Stack>
        </Alert>
        {generalAlert}
        <TextInput
          size="lg"
          label={t('join.otp')}
          value={values.otp}
          onChange={(e) => set('otp', e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
          error={fieldError('otp')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          autoFocus
          styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
          data-testid="join-otp"
        />
        <TextInput
          size="lg"
          label={t('join.name')}
          description={t('join.nameHint')}
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={fieldError('name')}
          autoComplete="name"
          required
          data-testid="join-name"
        />
        <TextInput
          size="lg"
          label={t('join.booth')}
          description={t('join.boothHint')}
          value={values.booth}
          onChange={(e) => set('booth', boothDigits(e.currentTarget.value))}
          error={fieldError('booth')}
          inputMode="numeric"
          autoComplete="off"
          required
          data-testid="join-booth"
        />
        <Paper withBorder p="sm" radius="md">
          <Checkbox
            size="md"
            checked={values.consent}
            onChange={(e) => set('consent', e.currentTarget.checked)}
            label={t('join.consent')}
            description={t('join.consentNote')}
            error={fieldError('consent')}
            data-testid="join-consent"
          />
        </Paper>
        <Button type="submit" size="lg" fullWidth loading={enrol.isPending} data-testid="join-submit">
          {t('join.submit')}
        </Button>
      </Stack>
    </form>
  );
};

const JoinBody = ({ id }: { id: number }) => {
  const { t, i18n } = useTranslation();
  const drive = usePublicDrive(id);
  useDocumentTitle(`${drive.data ? pickNames(drive.data, i18n.resolvedLanguage ?? 'en').primary : t('join.title')} · ${t('app.name')}`);
  if (drive.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (drive.isError) {
    const message = drive.error instanceof ApiError && drive.error.status === 404 ? t('join.notFound') : errorText(drive.error, t);
    return (
      <Alert color="red" role="alert" data-testid="join-unavailable">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{message}</Text>
          {!(drive.error instanceof ApiError && drive.error.status < 500) && (
            <Button size="sm" variant="light" color="red" onClick={() => void drive.refetch()}>
              {t('common.retry')}
            </Button>
          )}
        </Stack>
      </Alert>
    );
  }
  const d = drive.data;
  return (
    <Paper withBorder shadow="sm" p="lg" radius="md">
      <Stack>
        <DriveTitle drive={d} />
        {!d.allowSelfEnrol ? (
          <Alert color="orange" data-testid="join-unavailable">
            {t('join.noSelfEnrol')}
          </Alert>
        ) : !d.isOpen ? (
          <Alert color="orange" data-testid="join-unavailable">
            {t('join.closed')}
          </Alert>
        ) : (
          <JoinForm drive={d} />
        )}
      </Stack>
    </Paper>
  );
};

/** /join/:driveId — public self-enrolment, no sign-in: phone, SMS code, name, booth and consent. */
export const JoinPage = () => {
  const { t } = useTranslation();
  const { driveId } = useParams();
  const id = idParam(driveId);
  return (
    <Shell>
      {id === null ? (
        <Alert color="red" role="alert" data-testid="join-unavailable">
          {t('join.notFound')}
        </Alert>
      ) : (
        <JoinBody key={id} id={id} />
      )}
    </Shell>
  );
};
