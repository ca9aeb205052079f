import { Anchor, Badge, Breadcrumbs, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState';
import { apiUrl } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { formatDate, formatNumber } from '../../../lib/format';
import { displayName } from '../../../lib/names';
import { useMe } from '../../auth/hooks/useMe';
import { useAcknowledgeCircular, useCircular, useCircularRollup, useUploadCircularAttachment } from '../hooks/useDirectives';
import { PhotoStrip } from './PhotoStrip';
import { RollupBar, RollupTable } from './RollupTable';

/** A circular: its text, the reader's own units with "acknowledge", and receipt roll-up per child unit. */
export const CircularPage = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit') ? Number(params.get('unit')) : null;
  const circular = useCircular(id);
  const rollup = useCircularRollup(id, unitId);
  const ack = useAcknowledgeCircular();
  const attach = useUploadCircularAttachment();
  const { data: me } = useMe();
  useDocumentTitle(circular.data?.title ?? t('directives.circulars.title'));
  if (circular.error) return <ErrorState error={circular.error} onRetry={() => void circular.refetch()} />;
  if (!circular.data) return <Text c="dimmed">{t('common.loading')}</Text>;
  const c = circular.data;
  const n = (x: number) => formatNumber(x, lang);
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Text size="xs" c="dimmed">
          {t('directives.circulars.one')} · {t('directives.fromUnit', { unit: displayName(c.unit, lang) })} · {formatDate(c.createdAt.slice(0, 10), lang)}
        </Text>
        <Title order={2} size="h3" data-testid="circular-title">
          {c.title}
        </Title>
        <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.body}
        </Text>
        <PhotoStrip ids={c.attachments.filter((a) => !a.isPdf).map((a) => a.fileId)} />
        {c.attachments
          .filter((a) => a.isPdf)
          .map((a, i) => (
            <Anchor key={a.fileId} href={apiUrl(`/files/${a.fileId}`)} target="_blank" rel="noreferrer" size="sm" display="block" mt={4} data-testid="circular-pdf">
              {t('directives.circulars.pdfAttachment', { n: i + 1 })}
            </Anchor>
          ))}
        {me?.grants.some((g) => g.role === 'national-admin' || (g.unitId === c.unit.id && g.role !== 'viewer')) && (
          <FileButton onChange={(file) => file && attach.mutate({ id, file })} accept="image/jpeg,image/png,image/webp,application/pdf">
            {(props) => (
              <Button {...props} size="compact-sm" variant="subtle" mt="xs" loading={attach.isPending}>
                {t('directives.circulars.attach')}
              </Button>
            )}
          </FileButton>
        )}
        {attach.error && <Text c="red" size="sm">{errorText(attach.error, t)}</Text>}
      </Paper>
      {c.myReceipts.map((r) => (
        <Paper key={r.id} withBorder p="sm" radius="md" data-testid="my-receipt">
          <Group justify="space-between">
            <Text size="sm">{displayName(r.unit, lang)}</Text>
            {r.status === 'acknowledged' ? (
              <Badge color="teal">{t('directives.circulars.acknowledged')}</Badge>
            ) : (
              <Button size="compact-md" onClick={() => ack.mutate({ id, unitId: r.unit.id })} loading={ack.isPending} data-testid="circular-acknowledge">
                {t('directives.circulars.acknowledge')}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
      {ack.error && <Text c="red">{errorText(ack.error, t)}</Text>}
      {rollup.data && (
        <>
          <Breadcrumbs separator="›">
            {rollup.data.trail.map((u) => (
              <Anchor key={u.id} component="button" type="button" size="sm" onClick={() => setParams({ unit: String(u.id) })}>
                {displayName(u, lang)}
              </Anchor>
            ))}
          </Breadcrumbs>
          <Paper withBorder p="md" radius="md">
            <Group justify="space-between">
              <Text fw={600}>{displayName(rollup.data.unit, lang)}</Text>
              <Text fw={600}>{t('directives.circulars.nAcknowledged', { done: n(rollup.data.counts.done), total: n(rollup.data.counts.total) })}</Text>
            </Group>
            <RollupBar counts={rollup.data.counts} size="xl" />
            <Text size="xs" c="dimmed" mt={4}>
              {t('directives.circulars.receivedCount', { n: n(rollup.data.counts.acknowledged + rollup.data.counts.done) })}
            </Text>
          </Paper>
          <RollupTable rollup={rollup.data} kind="circular" onOpen={(u) => setParams({ unit: String(u) })} isStale={rollup.isPlaceholderData} />
        </>
      )}
      <Anchor component={Link} to={`/units/${c.unit.id}?tab=directives`} size="sm">
        {t('directives.circulars.back')}
      </Anchor>
    </Stack>
  );
};
