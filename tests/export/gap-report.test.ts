/**
 * The gap report's page plan: each table starts on a new page under its heading, the rows that fit under
 * the repeated header (hand-counted below), an empty table still gets its page.
 */
import { describe, expect, test } from 'vitest';
import { bodyFrame, planReport, type ReportTable } from '../../src/export/gap-report';

const table = (n: number): ReportTable => ({ heading: 'h', columns: [{ label: 'a', share: 1 }], rows: Array.from({ length: n }, (_, i) => [String(i)]) });

describe('gap report plan', () => {
  test('100 mm body: 17 rows under heading (8) and header (6) on a table’s first page, 18 after', () => {
    // (100 − 8 − 6) / 5 = 17.2 → 17; (100 − 6) / 5 = 18.8 → 18.
    const plan = planReport([table(40), table(0), table(3)], 100);
    expect(plan).toEqual([
      [{ table: 0, start: 0, end: 17 }],
      [{ table: 0, start: 17, end: 35 }],
      [{ table: 0, start: 35, end: 40 }],
      [{ table: 1, start: 0, end: 0 }],
      [{ table: 2, start: 0, end: 3 }],
    ]);
  });

  test('the body frame of an A4 portrait page sits between the title band and the footer', () => {
    // 10 margin + 11 title + 7 subtitle + 4 gap = 32 mm; 297 − 10 − 12 − 4 = 271 mm.
    expect(bodyFrame({ paper: 'A4', orientation: 'portrait', dpi: 150 })).toEqual({ x: 10, y: 32, width: 190, height: 239 });
  });
});
