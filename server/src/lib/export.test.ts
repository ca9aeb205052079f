import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from './export';

describe('neutralise', () => {
  it('turns anything a spreadsheet would evaluate into text, and leaves phone numbers alone', () => {
    for (const v of ['=1+1', '+cmd|/C calc!A0', '-2+3+cmd', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("x")']) expect(neutralise(v)).toBe(`'${v}`);
    for (const v of ['+919876543210', '+91 98XXX XX210', '-5', 'Ram', 'राम', '']) expect(neutralise(v)).toBe(v);
    expect(neutralise(null)).toBe('');
    expect(neutralise(42)).toBe(42);
  });
  it('quotes CSV cells with commas, quotes and newlines', () => {
    const csv = toCsv({ columns: [{ key: 'a', header: 'A' }], rows: [{ a: 'x,"y"\nz' }] }).toString('utf8');
    expect(csv).toBe('\uFEFFA\r\n"x,""y""\nz"\r\n');
  });
});
