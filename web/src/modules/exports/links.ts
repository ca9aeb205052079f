import { apiUrl } from '../../lib/api';

export const EXPORT_KINDS = ['people', 'posts', 'vacancies'] as const;
export type TExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type TExportFormat = (typeof EXPORT_FORMATS)[number];

/** A same-origin download link (the session cookie goes with it): the server names the file. */
export const exportHref = (kind: TExportKind, unitId: number, format: TExportFormat): string =>
  apiUrl(`/exports/${kind}`, { unit: unitId, format });

/** The name suggested to the browser, matching the server's own. */
export const exportFileName = (kind: TExportKind, unitId: number, format: TExportFormat): string =>
  `samiti-${kind}-unit-${unitId}.${format}`;
