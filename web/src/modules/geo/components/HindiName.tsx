import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A Hindi name, marked when the system transliterated it rather than taking it from an official list. */
export const HindiName = ({ nameHi, isDerived }: { nameHi: string | null; isDerived?: boolean }) => {
  const { t } = useTranslation();
  if (!nameHi) {
    return (
      <Text span c="dimmed">
        {t('history.emptyValue')}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Text span lang="hi">
        {nameHi}
      </Text>
      {isDerived && (
        <Tooltip label={t('geo.derivedHint')} multiline w={220} events={{ hover: true, focus: true, touch: true }}>
          <Badge size="xs" variant="outline" color="gray" tabIndex={0} data-testid="derived-marker">
            {t('geo.derived')}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
};
