/** Where a drive stands today: taking enrolments, not yet started, or over. */
export type TDriveState = 'open' | 'upcoming' | 'ended';

/** `isOpen` is the server's word (India's date); otherwise the dates tell whether it is yet to start or over. */
export const driveState = (drive: { isOpen: boolean; startsOn: string; endsOn: string }, today: string): TDriveState => {
  if (drive.isOpen) return 'open';
  return today < drive.startsOn ? 'upcoming' : 'ended';
};

export const DRIVE_STATE_COLOR: Record<TDriveState, string> = { open: 'green', upcoming: 'blue', ended: 'gray' };

/** The public self-enrolment page, with the booth filled in when the link is for one booth. */
export const joinPath = (driveId: number, boothId: number | null = null): string =>
  `/join/${driveId}${boothId === null ? '' : `?booth=${boothId}`}`;

export const DRIVE_TABS = ['progress', 'leaderboard', 'members'] as const;
export type TDriveTab = (typeof DRIVE_TABS)[number];
export const isDriveTab = (v: unknown): v is TDriveTab => (DRIVE_TABS as readonly unknown[]).includes(v);

/** A positive whole-number id from a URL parameter, else null. */
export const idParam = (text: string | null | undefined): number | null => {
  if (!text || !/^\d{1,15}$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};
