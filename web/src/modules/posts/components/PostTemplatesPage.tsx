import type { TPostTemplate, TTemplatePost } from '@samiti/common';
import {
  Accordion,
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import '@mantine/core/styles/Accordion.css';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { PageHeader } from '../../../components/PageHeader';
import { errorText } from '../../../lib/errors';
import { displayName } from '../../../lib/names';
import { useWings } from '../../units/hooks/useConfig';
import { postKeys, putPostTemplate, resetPostTemplate } from '../api';
import { usePostTemplates } from '../hooks/usePosts';

const emptyPost = (): TTemplatePost => ({ key: '', name: '', nameHi: '', minSeats: 1, maxSeats: 1 });

/** One level's posts as an editable table: keys, both labels, min–max holders, order; saved as a whole. */
const TemplateEditor = ({ template, onSaved }: { template: TPostTemplate; onSaved: () => void }) => {
  const { t } = useTranslation();
  const [posts, setPosts] = useState<TTemplatePost[]>(template.posts);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: postKeys.all });
  const save = useMutation({
    mutationFn: () => putPostTemplate(template.wing, template.level, { posts }),
    onSuccess: () => refresh().then(onSaved),
  });
  const reset = useMutation({
    mutationFn: () => resetPostTemplate(template.wing, template.level),
    onSuccess: () => refresh().then(onSaved),
  });
  const set = (i: number, patch: Partial<TTemplatePost>) => setPosts(posts.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...posts];
    const [p] = next.splice(i, 1);
    if (p) next.splice(i + by, 0, p);
    setPosts(next);
  };
  const original = new Set(template.posts.map((p) => p.key));
  const error = save.error ?? reset.error;
  const editable = template.canEdit;
  return (
    <Stack gap="xs" data-testid={`template-${template.level}`}>
      <Table verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('posts.templates.key')}</Table.Th>
            <Table.Th>{t('posts.templates.name')}</Table.Th>
            <Table.Th>{t('posts.templates.nameHi')}</Table.Th>
            <Table.Th w={90}>{t('posts.templates.min')}</Table.Th>
            <Table.Th w={90}>{t('posts.templates.max')}</Table.Th>
            {editable && <Table.Th w={110} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {posts.map((p, i) => (
            // Rows have no identity until saved (a new key is typed in); their position is their key.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <Table.Tr key={i} data-testid="template-post">
              <Table.Td>
                {/* A saved key is stable: held posts are found by it. A new row's key is typed once. */}
                <TextInput
                  size="xs"
                  value={p.key}
                  readOnly={!editable || original.has(p.key)}
                  onChange={(e) => set(i, { key: e.currentTarget.value })}
                  aria-label={t('posts.templates.key')}
                  data-testid="template-post-key"
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  value={p.name}
                  readOnly={!editable}
                  onChange={(e) => set(i, { name: e.currentTarget.value })}
                  aria-label={t('posts.templates.name')}
                  data-testid="template-post-name"
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  lang="hi"
                  value={p.nameHi}
                  readOnly={!editable}
                  onChange={(e) => set(i, { nameHi: e.currentTarget.value })}
                  aria-label={t('posts.templates.nameHi')}
                  data-testid="template-post-name-hi"
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  min={0}
                  max={100}
                  value={p.minSeats}
                  readOnly={!editable}
                  onChange={(v) => set(i, { minSeats: Number(v) || 0 })}
                  aria-label={t('posts.templates.min')}
                  data-testid="template-post-min"
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  min={1}
                  max={100}
                  value={p.maxSeats}
                  readOnly={!editable}
                  onChange={(v) => set(i, { maxSeats: Number(v) || 0 })}
                  aria-label={t('posts.templates.max')}
                  data-testid="template-post-max"
                />
              </Table.Td>
              {editable && (
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      size="sm"
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                      aria-label={t('posts.templates.up')}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      size="sm"
                      disabled={i === posts.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={t('posts.templates.down')}
                    >
                      ↓
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="sm"
                      onClick={() => setPosts(posts.filter((_, j) => j !== i))}
                      aria-label={t('posts.templates.remove')}
                      data-testid="template-post-remove"
                    >
                      ×
                    </ActionIcon>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {error && (
        <Alert color="red" variant="light" role="alert" data-testid="template-error">
          {errorText(error, t)}
        </Alert>
      )}
      {editable && (
        <Group gap="xs">
          <Button variant="light" size="xs" onClick={() => setPosts([...posts, emptyPost()])} data-testid="template-add">
            + {t('posts.templates.add')}
          </Button>
          <Button size="xs" onClick={() => save.mutate()} loading={save.isPending} data-testid="template-save">
            {t('posts.templates.save')}
          </Button>
          {template.source === 'wing' && (
            <Button size="xs" variant="default" onClick={() => reset.mutate()} loading={reset.isPending} data-testid="template-reset">
              {t('posts.templates.reset')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
};

/** /post-templates — every level's posts (per wing): who may hold what, how many, in both languages. */
export const PostTemplatesPage = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  useDocumentTitle(`${t('posts.templates.title')} · ${t('app.name')}`);
  const [wing, setWing] = useState('main');
  const wings = useWings();
  const templates = usePostTemplates(wing);
  // A saved template replaces the editor's state: remount it from the server's answer.
  const [version, setVersion] = useState(0);
  return (
    <Stack gap="md">
      <PageHeader
        title={t('posts.templates.title')}
        description={t('posts.templates.description')}
        actions={
          <Select
            label={t('posts.templates.wing')}
            data={(wings.data ?? []).map((w) => ({ value: w.key, label: displayName(w, lang) }))}
            value={wing}
            onChange={(v) => v && setWing(v)}
            allowDeselect={false}
            w={220}
            data-testid="template-wing"
          />
        }
      />
      {templates.isPending && <Skeleton height={200} radius="md" />}
      {templates.isError && <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />}
      {templates.data && (
        <Paper withBorder radius="md">
          <Accordion multiple variant="default" data-testid="post-templates">
            {templates.data.map((tpl) => (
              <Accordion.Item key={`${wing}:${tpl.level}:${version}`} value={tpl.level}>
                <Accordion.Control data-testid={`template-open-${tpl.level}`}>
                  <Group gap="xs">
                    <Text fw={500}>{lang === 'hi' ? tpl.levelNameHi : tpl.levelName}</Text>
                    <Badge variant="light" color={tpl.source === 'wing' ? 'violet' : 'gray'}>
                      {tpl.source === 'wing' ? t('posts.templates.ownTemplate') : t('posts.templates.defaultTemplate')}
                    </Badge>
                    <Text size="sm" c="dimmed">
                      {t('posts.templates.summary', { count: tpl.posts.length, min: tpl.minTotal, max: tpl.maxTotal })}
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <TemplateEditor template={tpl} onSaved={() => setVersion((v) => v + 1)} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Paper>
      )}
    </Stack>
  );
};
