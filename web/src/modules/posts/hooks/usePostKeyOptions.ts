import { useTranslation } from 'react-i18next';
import { postKeyOptions } from '../../../lib/post-keys';
import { usePostTemplates } from './usePosts';

/** Post pickers' choices from the configured templates (main wing): of `levels`, or of all levels. */
export const usePostKeyOptions = (levels: readonly string[] = []) => {
  const { i18n } = useTranslation();
  const templates = usePostTemplates();
  return postKeyOptions(templates.data ?? [], i18n.resolvedLanguage ?? 'en', levels);
};
