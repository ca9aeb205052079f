import { DEFAULT_LEVELS, type TDirectiveCreate } from '@samiti/common';
import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../lib/dates';
import { formError } from '../../../lib/errors';
import { PeoplePicker, type TPickedPerson } from '../../meetings/components/PeoplePicker';
import { type TUnitRef, UnitPicker } from '../../people/components/UnitPicker';
import { useLevelLabel } from '../../units/hooks/useLevelLabel';
import { useCreateDirective } from '../hooks/useDirectives';
import { isJob } from '../rollup';
import { postKeyOptions } from '../../../lib/post-keys';
import { usePostTemplates } from '../../posts/hooks/usePosts';

type TKind = 'cascade' | 'unit' | 'post' | 'person';

type Props = {
  opened: boolean;
  onClose: () => void;
  unit: { id: number; level: string };
  meetingId?: number;
  onCreated: (id: number, isBackground: boolean) => void;
};

/** Issue a directive from a unit (and a meeting): a cascade to every unit of a level below, or one unit, post or person. */
export const DirectiveFormModal = ({ opened, onClose, unit, meetingId, onCreated }: Props) => {
  const { t, i18n } = useTranslation();
  const levelLabel = useLevelLabel();
  const create = useCreateDirective();
  const templates = usePostTemplates();
  const below = DEFAULT_LEVELS.slice(DEFAULT_LEVELS.indexOf(unit.level as (typeof DEFAULT_LEVELS)[number]) + 1);
  const [text, setText] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [kind, setKind] = useState<TKind>('cascade');
  const [level, setLevel] = useState<string | null>(below[0] ?? null);
  const [post, setPost] = useState<string | null>('president');
  const [target, setTarget] = useState<TUnitRef | null>(null);
  const [people, setPeople] = useState<TPickedPerson[]>([]);
  const [localError, setLocalError] = useState<string | null>(null);
  const fieldError = formError(create.error, ['text', 'dueDate'] as const, t);
  // The posts of the level the directive goes to (the configured templates), all levels until one is known.
  const postLevels = kind === 'cascade' && level ? [level] : kind === 'post' && target ? [target.level] : [];

  const submit = () => {
    setLocalError(null);
    let body: TDirectiveCreate['target'] | null = null;
    if (kind === 'cascade' && level && post) body = { cascade: { level, post } };
    if (kind === 'unit' && target) body = { unitId: target.id };
    if (kind === 'post' && target && post) body = { postOf: { unitId: target.id, post } };
    if (kind === 'person' && people[0]) body = { personId: people[0].id };
    if (!body) return setLocalError(t('directives.form.targetMissing'));
    create.mutate(
      { unitId: unit.id, text, dueDate, target: body, ...(meetingId ? { fromMeetingId: meetingId } : {}) },
      {
        onSuccess: (r) => {
          onCreated(r.id, isJob(r));
          setText('');
          setDueDate('');
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('directives.form.title')} size="lg">
      <Stack gap="sm">
        <Textarea
          label={t('directives.form.text')}
          description={t('directives.form.textHint')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={3}
          required
          error={fieldError?.field === 'text' ? fieldError.message : undefined}
          data-testid="directive-text"
        />
        <TextInput
          type="date"
          label={t('directives.form.dueDate')}
          min={todayIso()}
          value={dueDate}
          onChange={(e) => setDueDate(e.currentTarget.value)}
          required
          error={fieldError?.field === 'dueDate' ? fieldError.message : undefined}
          data-testid="directive-due"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('directives.form.target')}
          </Text>
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as TKind)}
            data={(['cascade', 'unit', 'post', 'person'] as const).map((k) => ({ value: k, label: t(`directives.form.kind.${k}`) }))}
            fullWidth
            data-testid="directive-kind"
          />
        </Stack>
        {kind === 'cascade' && (
          <Select
            label={t('directives.form.level')}
            description={t('directives.form.levelHint')}
            data={below.map((l) => ({ value: l, label: levelLabel(l) }))}
            value={level}
            onChange={setLevel}
            allowDeselect={false}
            comboboxProps={{ withinPortal: false }}
            data-testid="directive-level"
          />
        )}
        {(kind === 'unit' || kind === 'post') && <UnitPicker label={t('directives.form.unit')} value={target} onChange={setTarget} />}
        {kind === 'person' && <PeoplePicker label={t('directives.form.person')} value={people} onChange={setPeople} single testId="directive-person" />}
        {(kind === 'cascade' || kind === 'post') && (
          <Select
            label={t('directives.form.post')}
            data={postKeyOptions(templates.data ?? [], i18n.resolvedLanguage ?? 'en', postLevels)}
            value={post}
            onChange={setPost}
            allowDeselect={false}
            comboboxProps={{ withinPortal: false }}
            data-testid="directive-post"
          />
        )}
        {(localError || (fieldError && fieldError.field === null)) && (
          <Alert color="red" role="alert" data-testid="directive-error">
            {localError ?? fieldError?.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={create.isPending} data-testid="directive-submit">
            {t('directives.form.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
