import { describe, expect, it } from 'vitest';
import { driveState, idParam, isDriveTab, joinPath } from './drive';

describe('driveState', () => {
  const drive = { isOpen: false, startsOn: '2025-09-01', endsOn: '2025-10-31' };
  it('trusts the server when it says the drive is open', () => {
    expect(driveState({ ...drive, isOpen: true }, '2025-08-31')).toBe('open');
  });
  it('tells a drive yet to start from one that is over', () => {
    expect(driveState(drive, '2025-08-31')).toBe('upcoming');
    expect(driveState(drive, '2025-11-01')).toBe('ended');
  });
});

describe('joinPath', () => {
  it('links the public page, for one booth when given', () => {
    expect(joinPath(7)).toBe('/join/7');
    expect(joinPath(7, 412)).toBe('/join/7?booth=412');
  });
});

describe('idParam and isDriveTab', () => {
  it('accepts positive whole numbers only', () => {
    expect(idParam('12')).toBe(12);
    expect(idParam('0')).toBeNull();
    expect(idParam('-3')).toBeNull();
    expect(idParam('1e3')).toBeNull();
    expect(idParam(null)).toBeNull();
    expect(idParam('99999999999999999')).toBeNull();
  });
  it('knows the tabs', () => {
    expect(isDriveTab('members')).toBe(true);
    expect(isDriveTab('history')).toBe(false);
  });
});
