import type { TElection, TImportReport } from '@samiti/common';
import { Alert, Button, FileInput, Group, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { electionKeys, type TImportKind, uploadImport } from '../api';
import { useStateOptions } from './useStateOptions';

const reportOf = (error: unknown): TImportReport | null => {
  const body = isApiError(error) ? error.body : undefined;
  const report = body?.report;
  return report && typeof report === 'object' ? (report as TImportReport) : null;
};

/** Seats (local bodies), candidate-wise or booth-wise results from CSV/XLSX: check first, then import all or nothing. */
export const ImportPanel = ({ election }: { election: TElection }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const kinds: TImportKind[] = [...(election.actions.canAddSeats ? (['seats'] as const) : []), 'results', 'booth-results'];
  const [kind, setKind] = useState<TImportKind>(kinds[0] ?? 'results');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<TImportReport | null>(null);
  // A national election's booth file may give bare AC numbers: they need the state they belong to.
  const [state, setState] = useState<string | null>(null);
  const states = useStateOptions();
  const run = useMutation({
    mutationFn: (dryRun: boolean) => uploadImport(election.id, kind, file as File, dryRun, election.stateCode ?? state ?? undefined),
    onSuccess: async (r) => {
      setReport(r);
      if (!r.isDryRun) await queryClient.invalidateQueries({ queryKey: electionKeys.all });
    },
    onError: (e) => setReport(reportOf(e)),
  });
  const reset = () => {
    setReport(null);
    run.reset();
  };
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
          disabled={!file || !report?.isDryRun || report.errors.length > 0}
          loading={run.isPending && run.variables === false}
          onClick={() => run.mutate(false)}
          data-testid="import-run"
        >
          {t('elections.import.run')}
        </Button>
      </Group>
      {run.isError && !report && <Alert color="red">{errorText(run.error, t)}</Alert>}
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
