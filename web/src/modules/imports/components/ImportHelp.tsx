import { Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { scriptLang } from '../../../lib/script';
import { IMPORT_COLUMNS } from '../columns';

/** Which column headings the import reads, in both languages. */
export const ImportHelp = () => {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0" data-testid="import-help">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t('imports.helpTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('imports.helpIntro')}
        </Text>
        <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm">
          <Table.Tbody>
            {IMPORT_COLUMNS.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Td fw={500} style={{ verticalAlign: 'top', minWidth: 110 }}>
                  {t(`imports.columns.${c.key}`)}
                </Table.Td>
                <Table.Td>
                  {c.headings.map((h, i) => (
                    <span key={h}>
                      {i > 0 && ', '}
                      <Code lang={scriptLang(h)} style={{ whiteSpace: 'nowrap' }}>
                        {h}
                      </Code>
                    </span>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
};
