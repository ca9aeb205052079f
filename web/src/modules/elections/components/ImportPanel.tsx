import type { TElection, TElectionImportJob, TImportReport } from '@samiti/common';
import { Alert, Button, FileInput, Group, NumberInput, Progress, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { electionKeys, fetchImportJob, isImportJob, type TBoothLayout, type TImportKind, uploadImport } from '../api';
import { useStateOptions } from './useStateOptions';

const reportOf = (error: unknown): TImportReport | null => {
  const body = isApiError(error) ? error.body : undefined;
  const report = body?.report;
  return report && typeof report === 'object' ? (report as TImportReport) : null;
};

/** A queued results import, polled until it is done or failed: its progress, then its report. */
const useImportJob = (electionId: number, job: TElectionImportJob | null) =>
  useQuery({
    queryKey: electionKeys.importJob(electionId, job?.id ?? 0),
    queryFn: ({ signal }) => fetchImportJob(electionId, job?.id ?? 0, signal),
    enabled: job !== null,
    initialData: job ?? undefined,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 1000),
  });

const JobProgress = ({ job }: { job: TElectionImportJob }) => {
  const { t } = useTranslation();
  const pct = job.total > 0 ? Math.min(100, Math.round((job.processed / job.total) * 100)) : 0;
  return (
    <Alert color={job.status === 'failed' ? 'red' : 'blue'} data-testid="import-job" data-status={job.status}>
      <Stack gap={6}>
        <Text size="sm">{t(`elections.importJob.${job.status}`, { processed: job.processed, total: job.total })}</Text>
        {(job.status === 'queued' || job.status === 'running') && (
          <Progress value={pct} animated aria-label={t('elections.importJob.progress')} data-testid="import-progress" />
        )}
        {job.status === 'failed' && job.error && <Text size="sm">{job.error}</Text>}
      </Stack>
    </Alert>
  );
};

/**
 * Seats (local bodies), candidate-wise or booth-wise results from CSV/XLSX: check first, then import
 * all or nothing. Results imports run as a background job whose progress shows here.
 */
export const ImportPanel = ({ election }: { election: TElection }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const kinds: TImportKind[] = [...(election.actions.canAddSeats ? (['seats'] as const) : []), 'results', 'booth-results'];
  const [kind, setKind] = useState<TImportKind>(kinds[0] ?? 'results');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<TImportReport | null>(null);
  const [queued, setQueued] = useState<TElectionImportJob | null>(null);
  const job = useImportJob(election.id, queued);
  const finished = job.data && (job.data.status === 'done' || job.data.status === 'failed') ? job.data : null;
  useEffect(() => {
    if (!finished) return;
    if (finished.report) setReport(finished.report);
    if (finished.status === 'done') void queryClient.invalidateQueries({ queryKey: electionKeys.all, refetchType: 'active' });
  }, [finished, queryClient]);
  // A national election's booth file may give bare AC numbers: they need the state they belong to.
  const [state, setState] = useState<string | null>(null);
  const states = useStateOptions();
  // Booth files: a column per party, or an ECI Form-20 of one AC (its number here or in the file name).
  const [layout, setLayout] = useState<TBoothLayout>('auto');
  const [ac, setAc] = useState<number | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) =>
      uploadImport(election.id, kind, file as File, dryRun, {
        state: election.stateCode ?? state ?? undefined,
        layout,
        ac: ac ?? undefined,
      }),
    onSuccess: async (r) => {
      if (isImportJob(r)) {
        setReport(null);
        setQueued(r);
        return;
      }
      setReport(r);
      if (!r.isDryRun) await queryClient.invalidateQueries({ queryKey: electionKeys.all });
    },
    onError: (e) => setReport(reportOf(e)),
  });
  const reset = () => {
    setReport(null);
    setQueued(null);
    run.reset();
  };
  const isRunning = job.data !== undefined && (job.data.status === 'queued' || job.data.status === 'running');
  return (
    <Stack gap="sm" data-testid="election-import">
      <SegmentedControl
        value={kind}
        onChange={(v) => {
          setKind(v as TImportKind);
          reset();
        }}
        data={kinds.map((k) => ({ value: k, label: t(`elections.import.${k}`) }))}
        w="fit-content"
        data-testid="import-kind"
      />
      <Text size="sm" c="dimmed">
        {t(`elections.import.${kind}Help`)}
      </Text>
      {kind === 'booth-results' && (
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('elections.import.layout')}
          </Text>
          <SegmentedControl
            value={layout}
            onChange={(v) => {
              setLayout(v as TBoothLayout);
              reset();
            }}
            data={(['auto', 'party-columns', 'form-20'] as const).map((l) => ({ value: l, label: t(`elections.import.layouts.${l}`) }))}
            w="fit-content"
            data-testid="import-layout"
          />
          <Text size="xs" c="dimmed">
            {t('elections.import.layoutHelp')}
          </Text>
          {layout !== 'party-columns' && (
            <NumberInput
              label={t('elections.import.ac')}
              description={t('elections.import.acHelp')}
              value={ac ?? ''}
              onChange={(v) => {
                setAc(typeof v === 'number' && v > 0 ? v : null);
                reset();
              }}
              min={1}
              max={999}
              allowDecimal={false}
              w={280}
              data-testid="import-ac"
            />
          )}
        </Stack>
      )}
      {kind === 'booth-results' && !election.stateCode && (
        <Select
          label={t('elections.state')}
          description={t('elections.import.stateHelp')}
          data={states}
          value={state}
          onChange={setState}
          searchable
          clearable
          w={280}
        />
      )}
      <FileInput
        label={t('elections.import.file')}
        accept=".csv,.xlsx,text/csv"
        value={file}
        onChange={(f) => {
          setFile(f);
          reset();
        }}
        clearable
        data-testid="import-file"
      />
      <Group>
        <Button
          variant="light"
          disabled={!file}
          loading={run.isPending && run.variables === true}
          onClick={() => run.mutate(true)}
          data-testid="import-check"
        >
          {t('elections.import.check')}
        </Button>
        <Button
          disabled={!file || !report?.isDryRun || report.errors.length > 0 || isRunning}
          loading={run.isPending && run.variables === false}
          onClick={() => run.mutate(false)}
          data-testid="import-run"
        >
          {t('elections.import.run')}
        </Button>
      </Group>
      {run.isError && !report && <Alert color="red">{errorText(run.error, t)}</Alert>}
      {queued && job.data && <JobProgress job={job.data} />}
      {report && (
        <Alert color={report.errors.length ? 'red' : 'green'} data-testid="import-report">
          <Text size="sm">
            {report.errors.length
              ? t('elections.import.bad', { count: report.errors.length, rows: report.rows })
              : report.isDryRun
                ? t('elections.import.ok', { rows: report.rows, seats: report.seats })
                : t('elections.import.done', { written: report.written, seats: report.seats })}
          </Text>
          {report.newParties.length > 0 && (
            <Text size="sm">{t('elections.import.newParties', { parties: report.newParties.join(', ') })}</Text>
          )}
          {report.errors.length > 0 && (
            <Table mt="xs" data-testid="import-errors">
              <Table.Tbody>
                {report.errors.slice(0, 200).map((e) => (
                  <Table.Tr key={`${e.line}-${e.field ?? ''}-${e.message}`}>
                    <Table.Td>{t('elections.import.line', { line: e.line })}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Alert>
      )}
    </Stack>
  );
};
