/** Issue 13, item 3: CSV cells a spreadsheet would run as formulas are neutralised (OWASP CSV injection). */
import { describe, expect, it } from 'vitest';
import { csvText } from '../../../src/core/io/csv-cell';

describe('csvText', () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+cmd|calc', "'+cmd|calc"],
    ['-2+3', "'-2+3"],
    ['\tfoo', "'\tfoo"],
    ['\rfoo', `"'\rfoo"`],
  ])('neutralises %j', (input, out) => expect(csvText(input)).toBe(out));

  it.each([['-12'], ['+3.5'], ['-1e3'], ['abc'], ['社区=1'], ['a-b']])('leaves %j as it is', (v) => expect(csvText(v)).toBe(v));

  it('still quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('two\nlines')).toBe('"two\nlines"');
  });
});
