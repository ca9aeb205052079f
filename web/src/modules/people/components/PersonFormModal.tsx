import type { TPerson } from '@samiti/common';
import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../../lib/names';
import { personName } from '../names';
import { PersonForm } from './PersonForm';
import type { TUnitRef } from './UnitPicker';

type Props = { opened: boolean; onClose: () => void; onCreated?: (person: TPerson) => void } & (
  | { mode: 'create'; homeUnit: TUnitRef | null }
  | { mode: 'edit'; person: TPerson }
);

/** Add a person (home unit preset to `homeUnit`) or edit one. The form is rebuilt each time it opens. */
export const PersonFormModal = (props: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const isPhone = useMediaQuery('(max-width: 36em)');
  const title =
    props.mode === 'edit'
      ? t('personForm.editTitle', { name: personName(props.person, lang) || t('people.unnamed') })
      : props.homeUnit
        ? t('personForm.createTitle', { unit: displayName(props.homeUnit, lang) })
        : t('personForm.createTitleNoUnit');
  return (
    <Modal opened={props.opened} onClose={props.onClose} fullScreen={isPhone} title={title}>
      {props.mode === 'create' ? (
        <PersonForm
          mode="create"
          homeUnit={props.homeUnit}
          onDone={(person) => {
            props.onCreated?.(person);
            props.onClose();
          }}
          onCancel={props.onClose}
        />
      ) : (
        <PersonForm mode="edit" person={props.person} onDone={props.onClose} onCancel={props.onClose} />
      )}
    </Modal>
  );
};
