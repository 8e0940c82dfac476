/**
 * The printed legend's column width: the widest that fits. A4 landscape's legend is a 70 × 78 mm side
 * column (core/print's layout): 19 rows of 4 mm a column; one 45 mm column, or two of 34 mm.
 */
import { describe, expect, test } from 'vitest';
import { legendRows, pageLayout, type LegendClassInput } from '../../src/core/print';
import { fitLegend } from '../../src/export/compose-map-page';

const rowsOf = (classes: number) => {
  const cls: LegendClassInput[] = Array.from({ length: classes }, (_, i) => ({ color: [i, i, i], shape: 'fill', text: `c${i}` }));
  return legendRows([{ id: 'a', name: 'A', visible: true, classes: cls }]);
};

describe('fitLegend', () => {
  const frame = pageLayout({ paper: 'A4', orientation: 'landscape', dpi: 150 }).legend.mm;

  test('the frame is the one the numbers above assume', () => {
    expect([frame.width, frame.height]).toEqual([70, 78]);
  });

  test('19 rows fit one 45 mm column', () => {
    const r = fitLegend(rowsOf(18), frame);
    expect(r.laid.ok && r.columnMm).toBe(45);
  });

  test('30 rows need two columns: 34 mm wide', () => {
    const r = fitLegend(rowsOf(29), frame);
    expect(r.laid.ok).toBe(true);
    expect(r.columnMm).toBe(34);
    if (r.laid.ok) expect(r.laid.columns).toBe(2);
  });

  test('39 rows do not fit two columns of 19: refused with core’s code', () => {
    const r = fitLegend(rowsOf(38), frame);
    expect(r.laid.ok).toBe(false);
    if (!r.laid.ok) expect(r.laid.code).toBe('print.legend-overflow');
  });
});
