import type { TAspirant } from '@samiti/common';
import { Anchor, Button, FileButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { electionKeys, fetchAspirantDocuments, removeAspirantDocument, uploadAspirantDocument } from '../api';

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** An aspirant's documents: open each (served with the access check), add PDFs or images, remove. */
export const AspirantDocuments = ({ aspirant }: { aspirant: TAspirant }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const docs = useInfiniteQuery({
    queryKey: electionKeys.documents(aspirant.id),
    queryFn: ({ pageParam, signal }) => fetchAspirantDocuments(aspirant.id, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (p) => p.nextCursor,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['elections'] });
  const upload = useMutation({
    mutationFn: (file: File) => uploadAspirantDocument(aspirant.id, file, label.trim() || undefined),
    onSuccess: () => {
      setLabel('');
      return refresh();
    },
  });
  const remove = useMutation({ mutationFn: (docId: number) => removeAspirantDocument(aspirant.id, docId), onSuccess: refresh });
  const items = docs.data?.pages.flatMap((p) => p.items) ?? [];
  const canUpload = docs.data?.pages[0]?.canUpload ?? false;
  const failed = upload.error ?? remove.error ?? docs.error;
  return (
    <Stack gap={4} mt="xs" data-testid="aspirant-documents">
      <Text size="sm" fw={500}>
        {t('elections.documents.title', { count: items.length })}
      </Text>
      {docs.isSuccess && items.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('elections.documents.empty')}
        </Text>
      )}
      {items.map((d) => (
        <Group key={d.id} gap="xs" data-testid="aspirant-document">
          <Anchor href={apiUrl(`/files/${d.fileId}`)} target="_blank" rel="noopener" size="sm">
            {d.label ? `${d.label} — ${d.name}` : d.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('elections.documents.uploaded', { size: size(d.bytes), by: d.uploadedBy ?? '—', at: formatDateTime(d.createdAt, lang) })}
          </Text>
          {canUpload && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              loading={remove.isPending && remove.variables === d.id}
              onClick={() => remove.mutate(d.id)}
            >
              {t('elections.documents.remove')}
            </Button>
          )}
        </Group>
      ))}
      {docs.hasNextPage && (
        <Button size="compact-xs" variant="subtle" onClick={() => void docs.fetchNextPage()} loading={docs.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
      {canUpload && (
        <Group gap="xs" align="flex-end">
          <TextInput
            size="xs"
            label={t('elections.documents.label')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            maxLength={120}
            w={200}
          />
          <FileButton onChange={(f) => f && upload.mutate(f)} accept="application/pdf,image/jpeg,image/png,image/webp">
            {(props) => (
              <Button size="xs" variant="light" loading={upload.isPending} {...props} data-testid="aspirant-document-add">
                {t('elections.documents.upload')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('elections.documents.types')}
          </Text>
        </Group>
      )}
      {failed && (
        <Text size="xs" c="red" role="alert">
          {errorText(failed, t)}
        </Text>
      )}
    </Stack>
  );
};
