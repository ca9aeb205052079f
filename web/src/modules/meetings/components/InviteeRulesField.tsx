import type { TMeetingInviteeRule } from '@samiti/common';
import { Button, CloseButton, Group, MultiSelect, Paper, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLevels } from '../../units/hooks/useConfig';
import { useLevelLabel } from '../../units/hooks/useLevelLabel';
import { postKeyOptions } from '../../../lib/post-keys';
import { usePostTemplates } from '../../posts/hooks/usePosts';

type Props = {
  unitLevel: string;
  includeSelf: boolean;
  onIncludeSelf: (v: boolean) => void;
  rules: TMeetingInviteeRule[];
  onRules: (rules: TMeetingInviteeRule[]) => void;
  error?: string;
};

/**
 * Who is expected, by rule: the unit's own office bearers, plus current holders of chosen posts in
 * sub-units of chosen levels ("all assembly presidents"; no post chosen = the whole team).
 */
export const InviteeRulesField = ({ unitLevel, includeSelf, onIncludeSelf, rules, onRules, error }: Props) => {
  const { t, i18n } = useTranslation();
  const levels = useLevels();
  const levelLabel = useLevelLabel();
  const rank = levels.data?.find((l) => l.key === unitLevel)?.rank ?? 0;
  const below = (levels.data ?? []).filter((l) => l.rank > rank).map((l) => ({ value: l.key, label: levelLabel(l.key) }));
  const templates = usePostTemplates();
  // Posts of the configured templates, each rule's narrowed to its chosen levels (all when none is chosen).
  const postsFor = (ruleLevels: string[]) => postKeyOptions(templates.data ?? [], i18n.resolvedLanguage ?? 'en', ruleLevels);
  const set = (i: number, rule: TMeetingInviteeRule) => onRules(rules.map((r, j) => (j === i ? rule : r)));
  return (
    <Stack gap="xs" data-testid="invitee-rules">
      <Text size="sm" fw={500}>
        {t('meetings.invitees')}
      </Text>
      <Switch label={t('meetings.includeSelf')} checked={includeSelf} onChange={(e) => onIncludeSelf(e.currentTarget.checked)} data-testid="invitee-include-self" />
      {rules.map((rule, i) => (
        // Rules have no identity of their own; their position is their key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Paper key={i} withBorder p="xs" radius="sm" data-testid="invitee-rule">
          <Group justify="space-between" mb={4}>
            <Text size="xs" c="dimmed">
              {t('meetings.ruleN', { n: i + 1 })}
            </Text>
            <CloseButton size="sm" aria-label={t('meetings.removeRule')} onClick={() => onRules(rules.filter((_, j) => j !== i))} />
          </Group>
          <Stack gap={6}>
            <MultiSelect
              label={t('meetings.ruleLevels')}
              data={below}
              value={rule.levels}
              onChange={(v) => set(i, { ...rule, levels: v })}
              data-testid="invitee-rule-levels"
              comboboxProps={{ withinPortal: true }}
            />
            <MultiSelect
              label={t('meetings.rulePosts')}
              description={t('meetings.rulePostsHint')}
              data={postsFor(rule.levels)}
              value={rule.posts}
              onChange={(v) => set(i, { ...rule, posts: v })}
              data-testid="invitee-rule-posts"
              comboboxProps={{ withinPortal: true }}
            />
          </Stack>
        </Paper>
      ))}
      <Button variant="light" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => onRules([...rules, { levels: [], posts: ['president'] }])} data-testid="invitee-rule-add">
        + {t('meetings.addRule')}
      </Button>
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
};
