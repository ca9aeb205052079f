import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../hooks/useLanguage';

/** EN ⇄ हिं: one tap toggles. Each label is written in its own language so either reader can find it. */
export const LanguageSwitch = () => {
  const { t } = useTranslation();
  const { lang, toggle } = useLanguage();
  return (
    <Button
      variant="default"
      size="compact-md"
      onClick={toggle}
      data-testid="lang-switch"
      data-lang={lang}
      aria-label={t('lang.switchLabel')}
      title={t('lang.switchLabel')}
    >
      <Text span fw={lang === 'en' ? 700 : 400} c={lang === 'en' ? undefined : 'dimmed'} lang="en">
        EN
      </Text>
      <Text span mx={6} c="dimmed" aria-hidden>
        ⇄
      </Text>
      <Text span fw={lang === 'hi' ? 700 : 400} c={lang === 'hi' ? undefined : 'dimmed'} lang="hi">
        हिं
      </Text>
    </Button>
  );
};
