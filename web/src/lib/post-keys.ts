import type { TPostTemplate } from '@samiti/common';

export type TPostKeyOption = { value: string; label: string };

/**
 * The posts to offer wherever people are chosen by post (meeting invitees, training invitations,
 * directives), read from the configured templates: of the given levels, or of every level when none
 * is given; each key once, in template order, labelled in the user's language (the first template
 * that has it names it). The server still checks each key against the level it is used at.
 */
export const postKeyOptions = (templates: readonly TPostTemplate[], lang: string, levels: readonly string[] = []): TPostKeyOption[] => {
  const seen = new Map<string, TPostKeyOption>();
  for (const t of templates) {
    if (levels.length > 0 && !levels.includes(t.level)) continue;
    for (const p of t.posts) if (!seen.has(p.key)) seen.set(p.key, { value: p.key, label: lang === 'hi' ? p.nameHi : p.name });
  }
  return [...seen.values()];
};
