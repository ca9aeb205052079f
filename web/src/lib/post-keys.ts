/**
 * The post keys of the default templates (migration 0002), offered wherever people are chosen by
 * post (meeting invitees, training invitations). No endpoint lists them across levels; the server
 * still checks each against the level it is used at.
 */
export const DEFAULT_POST_KEYS = [
  'president',
  'vice-president',
  'general-secretary',
  'secretary',
  'treasurer',
  'spokesperson',
  'in-charge',
  'convenor',
  'co-convenor',
  'booth-agent',
  'whatsapp-in-charge',
  'member',
] as const;
