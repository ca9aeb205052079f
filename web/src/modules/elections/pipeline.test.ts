import { describe, expect, it } from 'vitest';
import { formatShare, formatSwing, moveNeedsReason, moveTargets } from './pipeline';

describe('aspirant pipeline', () => {
  it('needs a reason to go back, out, or away from the final candidate', () => {
    expect(moveNeedsReason('applied', 'shortlisted')).toBe(false);
    expect(moveNeedsReason('shortlisted', 'applied')).toBe(true);
    expect(moveNeedsReason('interviewed', 'not-selected')).toBe(true);
    expect(moveNeedsReason('candidate', 'interviewed')).toBe(true);
    expect(moveNeedsReason('not-selected', 'interviewed')).toBe(true);
  });
  it('offers the next stage first', () => {
    expect(moveTargets('applied')[0]).toBe('screened');
    expect(moveTargets('interviewed')[0]).toBe('candidate');
    expect(moveTargets('candidate')).not.toContain('candidate');
  });
  it('formats shares and swings', () => {
    expect(formatShare(40.96, 'en')).toBe('40.96%');
    expect(formatShare(null, 'en')).toBe('–');
    expect(formatSwing(2.5, 'en')).toBe('+2.50');
    expect(formatSwing(-3.1, 'en')).toBe('−3.10');
  });
});
