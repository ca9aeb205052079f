import type { TUnit } from '@samiti/common';
import { Alert, Anchor, Button, Group, Input, Paper, SimpleGrid, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsentFields } from '../../people/components/ConsentFields';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { ErrorState } from '../../../components/ErrorState';
import { ApiError } from '../../../lib/api';
import { todayIso } from '../../../lib/dates';
import { errorField, errorText } from '../../../lib/errors';
import { displayName } from '../../../lib/names';
import { scriptLang } from '../../../lib/script';
import { idParam } from '../../membership/drive';
import { useUnit } from '../../units/hooks/useUnit';
import { useCheckImport, useStartImport } from '../hooks/useImport';
import {
  IMPORT_ACCEPT,
  importFieldOf,
  problemKey,
  reportOfErrorBody,
  type TImportField,
  type TImportKind,
  type TImportOptions,
  type TImportProblem,
  type TImportReport,
  validateImport,
} from '../upload';
import { ImportHelp } from './ImportHelp';
import { JobStatus } from './ImportJobStatus';
import { ImportKindFields } from './ImportKindFields';
import { ImportCounts, ImportRowErrors } from './ImportReport';

type TChecked = { ok: true; report: TImportReport } | { ok: false; report: TImportReport; message: string };

const ImportForm = ({
  unit,
  kind,
  driveId,
  onKind,
}: {
  unit: TUnit;
  kind: TImportKind;
  driveId: string;
  onKind: (kind: TImportKind, driveId: string) => void;
}) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const today = todayIso();
  const fileInput = useRef<HTMLInputElement>(null);
  const check = useCheckImport();
  const start = useStartImport();
  const [file, setFile] = useState<File | null>(null);
  const [consent, setOptions] = useState<Omit<TImportOptions, 'kind' | 'driveId'>>({ purpose: '', date: today, method: '', state: '' });
  const options: TImportOptions = { ...consent, kind, driveId };
  const [problems, setProblems] = useState<Partial<Record<TImportField, TImportProblem>>>({});
  const [checked, setChecked] = useState<TChecked | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);

  // Anything changed after a check makes that check stale: it has to be run again before importing.
  const invalidate = () => {
    setChecked(null);
    check.reset();
    start.reset();
  };
  const set = (field: 'purpose' | 'date' | 'method' | 'state') => (value: string) => {
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
    if (problem) return t(problemKey(problem));
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

  if (jobId !== null) return <JobStatus jobId={jobId} unit={unit} driveId={driveId} onAnother={another} />;

  const fileError = fieldError('file');
  return (
    <form onSubmit={onCheck} noValidate data-testid="import-form">
      <Stack>
        {serverMessage && serverField === null && (
          <Alert color="red" role="alert" data-testid="import-error">
            {serverMessage}
          </Alert>
        )}
        <ImportKindFields
          kind={kind}
          driveId={driveId}
          onKind={(k) => {
            onKind(k, driveId);
            setProblems((p) => ({ ...p, driveId: undefined }));
            invalidate();
          }}
          onDrive={(d) => {
            onKind(kind, d);
            setProblems((p) => ({ ...p, driveId: undefined }));
            invalidate();
          }}
          driveError={fieldError('driveId')}
        />
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
  // ?drive=N (the drive page links here so) opens the form on members for that drive.
  const [search, setSearch] = useSearchParams();
  const driveId = search.get('drive') ?? '';
  const [kind, setKind] = useState<TImportKind>(driveId ? 'members' : 'people-posts');
  const onKind = (k: TImportKind, d: string) => {
    setKind(k);
    setSearch(
      (p) => {
        if (k === 'members' && d) p.set('drive', d);
        else p.delete('drive');
        return p;
      },
      { replace: true },
    );
  };
  const title = kind === 'members' ? t('memberImports.title') : t('imports.title');
  useDocumentTitle(`${title} · ${displayName(unit, lang)} · ${t('app.name')}`);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/units/${unit.id}`} size="sm" lang={scriptLang(displayName(unit, lang))}>
        ← {t('imports.back', { unit: displayName(unit, lang) })}
      </Anchor>
      <Title order={1} size="h2">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
        <ImportForm unit={unit} kind={kind} driveId={kind === 'members' ? driveId : ''} onKind={onKind} />
        <ImportHelp isMembers={kind === 'members'} />
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

/** /units/:id/import[?drive=N] — upload a CSV or XLSX of people and posts, or of members into a drive: check it, then import it in the background. */
export const ImportPage = () => {
  const { id } = useParams();
  const unitId = idParam(id);
  if (unitId === null) return <NotFoundPage />;
  return <ImportLoader key={unitId} id={unitId} />;
};
