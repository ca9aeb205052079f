import { describe, expect, it } from 'vitest';
import { exportFileName, exportHref } from './links';

describe('export links', () => {
  it('point at the export endpoint for the unit and format', () => {
    expect(exportHref('people', 12, 'csv')).toBe('/api/v1/exports/people?unit=12&format=csv');
    expect(exportHref('vacancies', 3, 'xlsx')).toBe('/api/v1/exports/vacancies?unit=3&format=xlsx');
    expect(exportFileName('posts', 3, 'xlsx')).toBe('samiti-posts-unit-3.xlsx');
  });
});
