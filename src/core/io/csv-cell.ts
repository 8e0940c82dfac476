/**
 * One CSV cell, for every CSV the app and the command line write (access, coverage, gaps, scorecards).
 * RFC 4180 quoting, and OWASP's CSV-injection rule: text that a spreadsheet would read as a formula (a leading
 * `=`, `+`, `-`, `@`, tab or carriage return) gets a `'` in front, so `=HYPERLINK(…)` in a unit name stays text
 * when an official opens gaps.csv. Plain numbers ("-12", "+3.5") are not formulas and are written as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function csvText(v: string): string {
  const s = FORMULA_START.test(v) && !PLAIN_NUMBER.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
