import type { TUnit } from '@samiti/common';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Input,
  Paper,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentFields } from '../../people/components/ConsentFields';
import { Link, useParams } from 'react-router-dom';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { ErrorState } from '../../../components/ErrorState';
import { ApiError } from '../../../lib/api';
import { todayIso } from '../../../lib/dates';
import { errorField, errorText } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { idParam } from '../../membership/drive';
import { personKeys } from '../../people/api';
import { postKeys } from '../../posts/api';
import { unitKeys } from '../../units/api';
import { useUnit } from '../../units/hooks/useUnit';
import { useCheckImport, useImportJob, useStartImport } from '../hooks/useImport';
import {
  IMPORT_ACCEPT,
  importFieldOf,
  isJobFinished,
  jobPercent,
  reportOfErrorBody,
  type TImportField,
  type TImportJob,
  type TImportOptions,
  type TImportProblem,
  type TImportReport,
  validateImport,
} from '../upload';
import { ImportHelp } from './ImportHelp';
import { ImportCounts, ImportRowErrors } from './ImportReport';

const STATUS_COLOR: Record<TImportJob['status'], string> = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red' };

/** The background import: a bar of rows processed, asked again every second, then the outcome. */
const JobStatus = ({ jobId, unit, onAnother }: { jobId: number; unit: TUnit; onAnother: () => void }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const job = useImportJob(jobId);
  const data = job.data;
  const queryClient = useQueryClient();
  const isDone = data?.status === 'done';
  // New people and appointments now show in lists, post slots and unit histories.
  useEffect(() => {
    if (!isDone) return;
    void queryClient.invalidateQueries({ queryKey: personKeys.all });
    void queryClient.invalidateQueries({ queryKey: postKeys.all });
    void queryClient.invalidateQueries({ queryKey: unitKeys.all });
  }, [isDone, queryClient]);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('imports.jobTitle')}
          </Title>
          {data && (
            <Text component="div" data-testid="import-status" data-status={data.status}>
              <Badge color={STATUS_COLOR[data.status]} variant="light" size="lg">
                {t(`imports.statuses.${data.status}`)}
              </Badge>
            </Text>
          )}
        </Group>
        {!data && job.isError && <ErrorState error={job.error} onRetry={() => void job.refetch()} />}
        {!data && !job.isError && <Skeleton height={16} radius="xl" />}
        {data && (
          <>
            <Progress
              value={jobPercent(data)}
              size="xl"
              radius="xl"
              color={data.status === 'failed' ? 'red' : 'teal'}
              animated={!isJobFinished(data.status)}
              aria-label={t('imports.progress', { processed: formatNumber(data.processed, lang), total: formatNumber(data.total, lang) })}
              data-testid="import-progress"
            />
            <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {t('imports.progress', { processed: formatNumber(data.processed, lang), total: formatNumber(data.total, lang) })}
            </Text>
            {data.status === 'done' && (
              <Alert color="teal" role="status">
                {t('imports.doneBody')}
              </Alert>
            )}
            {data.status === 'done' && data.report && <ImportCounts report={data.report} />}
            {data.status === 'failed' && (
              <Alert color="red" role="alert">
                <Text size="sm" fw={500}>
                  {t('imports.failedBody')}
                </Text>
                {data.error && <Text size="sm">{data.error}</Text>}
              </Alert>
            )}
            {isJobFinished(data.status) && (
              <Group gap="sm">
                <Button component={Link} to={`/units/${unit.id}?tab=people`} variant="light">
                  {t('imports.back', { unit: displayName(unit, lang) })}
                </Button>
                <Button variant="default" onClick={onAnother} data-testid="import-another">
                  {t('imports.another')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
};

type TChecked = { ok: true; report: TImportReport } | { ok: false; report: TImportReport; message: string };

const ImportForm = ({ unit }: { unit: TUnit }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const today = todayIso();
  const fileInput = useRef<HTMLInputElement>(null);
  const check = useCheckImport();
  const start = useStartImport();
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<TImportOptions>({ purpose: '', date: today, method: '', state: '' });
  const [problems, setProblems] = useState<Partial<Record<TImportField, TImportProblem>>>({});
  const [checked, setChecked] = useState<TChecked | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);

  // Anything changed after a check makes that check stale: it has to be run again before importing.
  const invalidate = () => {
    setChecked(null);
    check.reset();
    start.reset();
  };
  const set = (field: keyof TImportOptions) => (value: string) => {
    setOptions((o) => ({ ...o, [field]: value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
    invalidate();
  };
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    setFile(e.currentTarget.files?.[0] ?? null);
    setProblems((p) => ({ ...p, file: undefined }));
    invalidate();
  };

  /** A refusal with a row report shows as the report; any other error on the field it names, or in an alert. */
  const onFailure = (error: unknown) => {
    const report = error instanceof ApiError ? reportOfErrorBody(error.body) : null;
    if (report) setChecked({ ok: false, report, message: errorText(error, t) });
  };
  const failed = (checked === null ? check.error : null) ?? start.error;
  const isReportError = failed instanceof ApiError && reportOfErrorBody(failed.body) !== null;
  const serverField = failed && !isReportError ? importFieldOf(errorField(failed)) : null;
  const serverMessage = failed && !isReportError ? errorText(failed, t) : null;
  const fieldError = (field: TImportField): string | undefined => {
    const problem = problems[field];
    if (problem) return t(`imports.errors.${problem}`);
    return serverField === field && serverMessage ? serverMessage : undefined;
  };

  const validate = (): boolean => {
    const found = validateImport(file, options, today);
    setProblems(found);
    return Object.keys(found).length === 0;
  };
  const onCheck = (e: FormEvent) => {
    e.preventDefault();
    if (!validate() || !file) return;
    setChecked(null);
    start.reset();
    check.mutate({ file, options }, { onSuccess: (report) => setChecked({ ok: true, report }), onError: onFailure });
  };
  const onRun = () => {
    if (!validate() || !file) return;
    start.mutate({ file, options }, { onSuccess: (job) => setJobId(job.id), onError: onFailure });
  };
  const another = () => {
    setJobId(null);
    setFile(null);
    setChecked(null);
    check.reset();
    start.reset();
    if (fileInput.current) fileInput.current.value = '';
  };

  if (jobId !== null) return <JobStatus jobId={jobId} unit={unit} onAnother={another} />;

  const fileError = fieldError('file');
  return (
    <form onSubmit={onCheck} noValidate data-testid="import-form">
      <Stack>
        {serverMessage && serverField === null && (
          <Alert color="red" role="alert" data-testid="import-error">
            {serverMessage}
          </Alert>
        )}
        <Input.Wrapper label={t('imports.file')} description={t('imports.fileHint')} error={fileError} required>
          <input
            ref={fileInput}
            type="file"
            accept={IMPORT_ACCEPT}
            onChange={onFile}
            aria-invalid={fileError ? true : undefined}
            data-testid="import-file"
            style={{ display: 'block', marginTop: 6, padding: '10px 0', width: '100%', fontSize: 16 }}
          />
        </Input.Wrapper>
        <ConsentFields
          values={{ purpose: options.purpose, date: options.date, method: options.method }}
          onChange={(field, value) => set(field)(value)}
          errorOf={fieldError}
          today={today}
          testIdPrefix="import"
          title={t('imports.consentTitle')}
          description={t('imports.consentDescription')}
        />
        <TextInput
          label={t('imports.state')}
          description={t('imports.stateHint')}
          placeholder="S24"
          value={options.state}
          onChange={(e) => set('state')(e.currentTarget.value.toUpperCase().slice(0, 4))}
          error={fieldError('state')}
          autoComplete="off"
          autoCapitalize="characters"
          maw={240}
          data-testid="import-state"
        />
        <Group gap="sm">
          <Button type="submit" variant={checked?.ok ? 'default' : 'filled'} loading={check.isPending} data-testid="import-check">
            {t('imports.check')}
          </Button>
          <Button color="teal" onClick={onRun} disabled={!checked?.ok} loading={start.isPending} data-testid="import-run">
            {t('imports.run')}
          </Button>
        </Group>
        {checked && (
          <Paper withBorder p="md" radius="md" data-testid="import-report" data-state={checked.ok ? 'ok' : 'errors'}>
            <Stack gap="sm">
              <Title order={2} size="h5">
                {t('imports.reportTitle')}
              </Title>
              <ImportCounts report={checked.report} />
              {checked.ok ? (
                <Text size="sm" c="teal.8">
                  {t('imports.reportOk')}
                </Text>
              ) : (
                <ImportRowErrors report={checked.report} message={checked.message} />
              )}
            </Stack>
          </Paper>
        )}
        <Text size="xs" c="dimmed" lang={scriptLang(displayName(unit, lang))}>
          {t('imports.fromUnit', { unit: displayName(unit, lang) })}
        </Text>
      </Stack>
    </form>
  );
};

const ImportView = ({ unit }: { unit: TUnit }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  useDocumentTitle(`${t('imports.title')} · ${displayName(unit, lang)} · ${t('app.name')}`);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/units/${unit.id}`} size="sm" lang={scriptLang(displayName(unit, lang))}>
        ← {t('imports.back', { unit: displayName(unit, lang) })}
      </Anchor>
      <Title order={1} size="h2">
        {t('imports.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
        <ImportForm unit={unit} />
        <ImportHelp />
      </SimpleGrid>
    </Stack>
  );
};

const ImportLoader = ({ id }: { id: number }) => {
  const unit = useUnit(id);
  if (unit.data) return <ImportView unit={unit.data} />;
  if (unit.isError) return <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />;
  return <Skeleton height={300} radius="md" />;
};

/** /units/:id/import — upload a CSV or XLSX of people and posts: check it, then import it in the background. */
export const ImportPage = () => {
  const { id } = useParams();
  const unitId = idParam(id);
  if (unitId === null) return <NotFoundPage />;
  return <ImportLoader key={unitId} id={unitId} />;
};
