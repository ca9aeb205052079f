import { apiUrl } from '../../lib/api';

export const EXPORT_KINDS = ['people', 'posts', 'vacancies'] as const;
export type TExportKind = (typeof EXPORT_KINDS)[number];
/** A membership drive's lists, under one unit of the drive. */
export const DRIVE_EXPORT_KINDS = ['members', 'leaderboard'] as const;
export type TDriveExportKind = (typeof DRIVE_EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type TExportFormat = (typeof EXPORT_FORMATS)[number];

/** A same-origin download link (the session cookie goes with it): the server names the file. */
export const exportHref = (kind: TExportKind, unitId: number, format: TExportFormat): string =>
  apiUrl(`/exports/${kind}`, { unit: unitId, format });

/** A drive's members or enroller leaderboard under `unitId`. */
export const driveExportHref = (kind: TDriveExportKind, driveId: number, unitId: number, format: TExportFormat): string =>
  apiUrl(`/exports/${kind}`, { unit: unitId, drive: driveId, format });

/** The name suggested to the browser, matching the server's own. */
export const exportFileName = (kind: TExportKind | TDriveExportKind, unitId: number, format: TExportFormat): string =>
  `samiti-${kind}-unit-${unitId}.${format}`;
