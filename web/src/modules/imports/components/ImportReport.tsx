import { Alert, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from '../../../components/Table.module.css';
import { formatNumber } from '../../../lib/format';
import { isMembersReport, type TImportReport } from '../upload';

const Stat = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <div>
    <Text size="xs" c="dimmed">
      {label}
    </Text>
    <Text fw={700} size="lg" data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {value}
    </Text>
  </div>
);

/** What the import will do (or did): rows, new and matched people, then appointments (and those already holding the post) or enrolments (and those already members). */
export const ImportCounts = ({ report }: { report: TImportReport }) => {
  const { t, i18n } = useTranslation();
  const n = (x: number) => formatNumber(x, i18n.resolvedLanguage ?? 'en');
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
      <Stat label={t('imports.rows')} value={n(report.rows)} testId="import-rows" />
      <Stat label={t('imports.newPeople')} value={n(report.newPeople)} testId="import-new-people" />
      <Stat label={t('imports.matchedPeople')} value={n(report.matchedPeople)} testId="import-matched" />
      {isMembersReport(report) ? (
        <>
          <Stat label={t('memberImports.enrolments')} value={n(report.enrolments)} testId="import-enrolments" />
          <Stat label={t('memberImports.alreadyMembers')} value={n(report.alreadyMembers)} testId="import-already-members" />
        </>
      ) : (
        <>
          <Stat label={t('imports.appointments')} value={n(report.appointments)} testId="import-appointments" />
          <Stat label={t('imports.alreadyHolding')} value={n(report.alreadyHolding)} testId="import-already-holding" />
        </>
      )}
    </SimpleGrid>
  );
};

/** The rows the server refused, by line, with its reasons (already in the user's language). */
export const ImportRowErrors = ({ report, message }: { report: TImportReport; message: string }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  return (
    <Stack gap="xs">
      <Alert color="red" role="alert">
        <Text size="sm" fw={500}>
          {message}
        </Text>
        <Text size="sm">{t('imports.fixAndRetry')}</Text>
      </Alert>
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <Table verticalSpacing="xs" className={classes.table} data-testid="import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={72}>{t('imports.colLine')}</Table.Th>
              <Table.Th>{t('imports.colProblems')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.errors.map((e) => (
              <Table.Tr key={e.line} data-testid="import-error-row" data-line={e.line}>
                <Table.Td className={classes.num} fw={600} style={{ verticalAlign: 'top' }}>
                  {formatNumber(e.line, lang)}
                </Table.Td>
                <Table.Td>
                  {e.messages.map((m) => (
                    <Text key={m} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {m}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
};
