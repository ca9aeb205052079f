import { VERIFY_METHODS, type TMembership } from '@samiti/common';
import { Alert, Button, Group, Menu, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { personName } from '../../people/names';
import { useRejectMembership, useVerifyMembership } from '../hooks/useDriveMutations';
import { isRejectReasonOk, REJECT_REASON_MAX } from '../payload';

const RejectModal = ({ member, opened, onClose }: { member: TMembership; opened: boolean; onClose: () => void }) => {
  const { t, i18n } = useTranslation();
  const name = personName(member.person, i18n.resolvedLanguage ?? 'en') || t('people.unnamed');
  const reject = useRejectMembership();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState(false);
  const close = () => {
    reject.reset();
    setReason('');
    setProblem(false);
    onClose();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!isRejectReasonOk(reason)) {
      setProblem(true);
      return;
    }
    reject.mutate({ id: member.id, reason: reason.trim() }, { onSuccess: close });
  };
  return (
    <Modal opened={opened} onClose={close} title={t('members.rejectTitle', { name })}>
      <form onSubmit={onSubmit} noValidate data-testid="reject-form">
        <Stack>
          <Text size="sm" c="dimmed">
            {t('members.rejectBody')}
          </Text>
          {reject.isError && (
            <Alert color="red" role="alert">
              {errorText(reject.error, t)}
            </Alert>
          )}
          <Textarea
            label={t('members.rejectReason')}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setProblem(false);
            }}
            error={problem ? t('members.rejectReasonRequired') : undefined}
            required
            minRows={2}
            maxLength={REJECT_REASON_MAX}
            data-autofocus
            data-testid="reject-reason"
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={reject.isPending} data-testid="reject-submit">
              {t('members.rejectSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

/** Verify (choosing how) or reject a pending member, as far as the server allows this user. */
export const MemberActions = ({ member }: { member: TMembership }) => {
  const { t, i18n } = useTranslation();
  const verify = useVerifyMembership();
  const [rejecting, setRejecting] = useState(false);
  const { canVerify, canReject } = member.actions;
  if (!canVerify && !canReject) return null;
  const name = personName(member.person, i18n.resolvedLanguage ?? 'en') || t('people.unnamed');
  return (
    <Stack gap={4} align="flex-end">
      <Group gap={6} justify="flex-end" wrap="nowrap" role="group" aria-label={t('members.actionsFor', { name })}>
        {canVerify && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="xs" color="teal" loading={verify.isPending} data-testid="member-verify">
                {t('members.verify')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('members.verifyHow')}</Menu.Label>
              {VERIFY_METHODS.map((m) => (
                <Menu.Item key={m} onClick={() => verify.mutate({ id: member.id, method: m })} data-testid={`member-verify-${m}`}>
                  {t(`members.methods.${m}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
        {canReject && (
          <Button size="xs" variant="light" color="red" onClick={() => setRejecting(true)} data-testid="member-reject">
            {t('members.reject')}
          </Button>
        )}
      </Group>
      {verify.isError && (
        <Text size="xs" c="red" role="alert">
          {errorText(verify.error, t)}
        </Text>
      )}
      {canReject && <RejectModal member={member} opened={rejecting} onClose={() => setRejecting(false)} />}
    </Stack>
  );
};
