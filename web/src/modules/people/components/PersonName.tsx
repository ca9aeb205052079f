import { Anchor, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { scriptLang } from '../../../lib/script';
import { personNames, type TPersonNames } from '../names';

type Props = {
  person: TPersonNames;
  /** Link the name to the person's page. */
  personId?: number;
  /** The other script's name beside the first (inline) or beneath it (block). */
  layout?: 'inline' | 'block';
  struck?: boolean;
  testId?: string;
  onLinkClick?: (e: MouseEvent) => void;
};

/** A person's name in the UI language first, the other script small: "महताब सिंह Mehtab Singh". */
export const PersonName = ({ person, personId, layout = 'block', struck, testId, onLinkClick }: Props) => {
  const { t, i18n } = useTranslation();
  const { primary, secondary } = personNames(person, i18n.resolvedLanguage ?? 'en');
  const text = primary || t('people.unnamed');
  const main =
    personId === undefined ? (
      <Text span fw={500} lang={scriptLang(text)} data-testid={testId} td={struck ? 'line-through' : undefined}>
        {text}
      </Text>
    ) : (
      <Anchor
        component={Link}
        to={`/people/${personId}`}
        fw={500}
        lang={scriptLang(text)}
        data-testid={testId}
        c={struck ? 'dimmed' : undefined}
        td={struck ? 'line-through' : undefined}
        onClick={onLinkClick}
        tabIndex={onLinkClick ? -1 : undefined}
      >
        {text}
      </Anchor>
    );
  return (
    <span style={{ overflowWrap: 'anywhere' }}>
      {main}
      {secondary && (
        <Text
          span={layout === 'inline'}
          size="xs"
          c="dimmed"
          ml={layout === 'inline' ? 6 : 0}
          lang={scriptLang(secondary)}
          display={layout === 'inline' ? undefined : 'block'}
        >
          {secondary}
        </Text>
      )}
    </span>
  );
};
