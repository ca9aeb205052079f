import { describe, expect, it } from 'vitest';
import { driveExportHref, exportFileName, exportHref } from './links';

describe('export links', () => {
  it('point at the export endpoint for the unit and format', () => {
    expect(exportHref('people', 12, 'csv')).toBe('/api/v1/exports/people?unit=12&format=csv');
    expect(exportHref('vacancies', 3, 'xlsx')).toBe('/api/v1/exports/vacancies?unit=3&format=xlsx');
    expect(exportFileName('posts', 3, 'xlsx')).toBe('samiti-posts-unit-3.xlsx');
  });
  it('name the drive for its members and leaderboard', () => {
    expect(driveExportHref('members', 5, 12, 'xlsx')).toBe('/api/v1/exports/members?unit=12&drive=5&format=xlsx');
    expect(driveExportHref('leaderboard', 5, 12, 'csv')).toBe('/api/v1/exports/leaderboard?unit=12&drive=5&format=csv');
    expect(exportFileName('leaderboard', 12, 'csv')).toBe('samiti-leaderboard-unit-12.csv');
  });
});
