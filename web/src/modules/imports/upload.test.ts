import { describe, expect, it } from 'vitest';
import {
  importFieldOf,
  importPath,
  importQuery,
  isMembersReport,
  isImportFile,
  jobPercent,
  normalizeStateCode,
  reportOfErrorBody,
  problemKey,
  uploadContentType,
  validateImport,
  XLSX_TYPE,
} from './upload';

const today = '2025-09-10';
const options = { purpose: 'Booth committee list', date: '2025-09-01', method: 'written', state: '' };
const file = { name: 'booths.csv', type: 'text/csv', size: 1000 };

describe('uploadContentType', () => {
  it('picks a type the server reads, by extension first', () => {
    expect(uploadContentType('list.XLSX', '')).toBe(XLSX_TYPE);
    expect(uploadContentType('list.csv', 'application/vnd.ms-excel')).toBe('text/csv');
    expect(uploadContentType('export', 'text/csv')).toBe('text/csv');
    expect(uploadContentType('list.xls', 'application/vnd.ms-excel')).toBe('application/octet-stream');
    expect(isImportFile('list.pdf', 'application/pdf')).toBe(false);
  });
});

describe('validateImport', () => {
  it('accepts a file with consent', () => {
    expect(validateImport(file, options, today)).toEqual({});
    expect(validateImport(file, { ...options, state: 's 24' }, today)).toEqual({});
  });
  it('names each problem', () => {
    expect(validateImport(null, { purpose: 'ab', date: '2025-09-31', method: '', state: 'UP' }, today)).toEqual({
      file: 'fileRequired',
      purpose: 'purposeRequired',
      date: 'dateInvalid',
      method: 'methodRequired',
      state: 'stateInvalid',
    });
    expect(validateImport({ ...file, name: 'a.pdf', type: 'application/pdf' }, options, today)).toEqual({ file: 'fileType' });
    expect(validateImport({ ...file, size: 41 * 1024 * 1024 }, { ...options, date: '2099-01-01' }, today)).toEqual({
      file: 'fileTooLarge',
      date: 'dateFuture',
    });
  });
});

describe('importQuery', () => {
  it('carries the consent, the state and the file name', () => {
    expect(importQuery({ ...options, purpose: '  Booth   list ', state: 's24' }, 'a.csv', true)).toEqual({
      dryRun: true,
      consentPurpose: 'Booth list',
      consentDate: '2025-09-01',
      consentMethod: 'written',
      state: 'S24',
      fileName: 'a.csv',
    });
    expect(normalizeStateCode(' u 05 ')).toBe('U05');
  });
});

describe('reportOfErrorBody', () => {
  const report = {
    dryRun: true,
    rows: 2,
    newPeople: 1,
    matchedPeople: 0,
    appointments: 1,
    alreadyHolding: 0,
    errors: [{ line: 3, messages: ['नाम खाली है'] }],
  };
  it('finds the row report of a refused upload', () => {
    expect(reportOfErrorBody({ error: 'VALIDATION', message: 'x', report })).toEqual(report);
  });
  it('is null for any other error body', () => {
    expect(reportOfErrorBody(undefined)).toBeNull();
    expect(reportOfErrorBody({ error: 'VALIDATION', message: 'x' })).toBeNull();
    expect(reportOfErrorBody({ report: { ...report, errors: [{ line: 'x' }] } })).toBeNull();
  });
});

describe('jobPercent and importFieldOf', () => {
  it('shows how far a job has come', () => {
    expect(jobPercent({ status: 'queued', processed: 0, total: 0 })).toBe(0);
    expect(jobPercent({ status: 'running', processed: 50, total: 200 })).toBe(25);
    expect(jobPercent({ status: 'done', processed: 0, total: 0 })).toBe(100);
  });
  it('maps server fields onto the form', () => {
    expect(importFieldOf('querystring.consentPurpose')).toBe('purpose');
    expect(importFieldOf('querystring.state')).toBe('state');
    expect(importFieldOf('file')).toBe('file');
    expect(importFieldOf('querystring.dryRun')).toBeNull();
  });
});

describe('members into a drive', () => {
  const members = { ...options, kind: 'members' as const, driveId: '12' };
  it('needs the drive, and sends it with the upload to the members path', () => {
    expect(validateImport(file, members, today)).toEqual({});
    expect(validateImport(file, { ...members, driveId: '' }, today)).toEqual({ driveId: 'driveRequired' });
    expect(validateImport(file, { ...members, driveId: '0' }, today)).toEqual({ driveId: 'driveRequired' });
    expect(problemKey('driveRequired')).toBe('memberImports.driveRequired');
    expect(problemKey('fileType')).toBe('imports.errors.fileType');
    expect(importQuery(members, 'm.csv', false)).toMatchObject({ dryRun: false, driveId: 12 });
    expect(importQuery(options, 'p.csv', false)).not.toHaveProperty('driveId');
    expect(importPath('members')).toBe('/imports/members');
    expect(importPath(undefined)).toBe('/imports/people-posts');
    expect(importFieldOf('querystring.driveId')).toBe('driveId');
  });
  it('tells a members report from a people/posts one', () => {
    const base = { dryRun: true, rows: 1, newPeople: 1, matchedPeople: 0, errors: [] };
    expect(isMembersReport({ ...base, enrolments: 1, alreadyMembers: 0 })).toBe(true);
    expect(isMembersReport({ ...base, appointments: 1, alreadyHolding: 0 })).toBe(false);
  });
});
