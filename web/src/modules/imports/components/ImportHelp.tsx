import { Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { scriptLang } from '../../../lib/script';
import { IMPORT_COLUMNS, MEMBER_COLUMNS } from '../columns';

type TColumnKey = (typeof MEMBER_COLUMNS)[number]['key'] | (typeof IMPORT_COLUMNS)[number]['key'];
type TMemberOnly = Exclude<(typeof MEMBER_COLUMNS)[number]['key'], (typeof IMPORT_COLUMNS)[number]['key']>;
const MEMBER_ONLY: ReadonlySet<string> = new Set<TMemberOnly>(['enroller', 'enrolledOn', 'status', 'method']);
const isMemberOnly = (k: TColumnKey): k is TMemberOnly => MEMBER_ONLY.has(k);

/** Which column headings the import reads, in both languages: of a people/posts sheet, or of a members sheet. */
export const ImportHelp = ({ isMembers = false }: { isMembers?: boolean }) => {
  const { t } = useTranslation();
  const columns: readonly { key: TColumnKey; headings: readonly string[] }[] = isMembers ? MEMBER_COLUMNS : IMPORT_COLUMNS;
  const label = (key: TColumnKey) => (isMemberOnly(key) ? t(`memberImports.columns.${key}`) : t(`imports.columns.${key}`));
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0" data-testid="import-help" data-kind={isMembers ? 'members' : 'people-posts'}>
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t('imports.helpTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {isMembers ? t('memberImports.helpIntro') : t('imports.helpIntro')}
        </Text>
        <Table verticalSpacing={4} horizontalSpacing="xs" fz="sm">
          <Table.Tbody>
            {columns.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Td fw={500} style={{ verticalAlign: 'top', minWidth: 110 }}>
                  {label(c.key)}
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
