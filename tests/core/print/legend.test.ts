/** Legend rows are exactly the visible layers and classes; layout in columns or a coded refusal. */
import { describe, expect, it } from 'vitest';
import { layoutLegend, legendRows, type LegendLayerInput } from '../../../src/core/print';

const cls = (key: string, visible?: boolean) => ({ color: [1, 2, 3] as const, shape: 'dot' as const, key, visible });

const layers: LegendLayerInput[] = [
  { id: 'streets', name: 'Streets', visible: true, classes: [cls('highway.primary'), cls('highway.footway', false)] },
  { id: 'homes', name: 'Homes', visible: false, classes: [cls('legend.childNone')] },
  { id: 'empty', name: 'Empty', visible: true, classes: [] },
  { id: 'facilities', name: 'Facilities', visible: true, classes: [cls('category.playground'), cls('category.kindergarten')] },
];

describe('legend rows', () => {
  it('lists the visible layers, top first, each with only its visible classes', () => {
    const rows = legendRows(layers);
    const visibleClasses = layers.filter((l) => l.visible).flatMap((l) => l.classes.filter((c) => c.visible !== false).map((c) => `${l.id}/${c.key}`));
    expect(rows.flatMap((r) => (r.kind === 'class' ? [`${r.layerId}/${r.entry.key}`] : [])).sort()).toEqual(visibleClasses.sort());
    expect(rows.map((r) => (r.kind === 'layer' ? r.name : r.entry.key))).toEqual([
      'Facilities', 'category.playground', 'category.kindergarten', 'Streets', 'highway.primary',
    ]);
  });

  it('is empty when nothing is visible', () => {
    expect(legendRows(layers.map((l) => ({ ...l, visible: false })))).toEqual([]);
  });
});

describe('legend layout', () => {
  const rows = legendRows(layers);

  it('5 rows of 5 mm in a 20 mm frame: 4 fit a column, so two columns; a heading never ends a column', () => {
    const r = layoutLegend(rows, { width: 100, height: 20 }, 5, 45);
    if (!r.ok) throw new Error(r.code);
    expect(r.columns).toBe(2);
    // Facilities + 2 classes in column 0 (slots 0-2); the Streets heading would be the last of column 0, so it moves.
    expect(r.placements.map((p) => [p.column, p.y])).toEqual([[0, 0], [0, 5], [0, 10], [1, 0], [1, 5]]);
  });

  it('refuses a legend that does not fit, never cuts it', () => {
    expect(layoutLegend(rows, { width: 50, height: 20 }, 5, 45)).toMatchObject({ ok: false, code: 'print.legend-overflow', params: { columns: 2, maxColumns: 1 } });
    expect(layoutLegend(rows, { width: 136, height: 50 }, 5, 45)).toMatchObject({ ok: true, columns: 1 });
  });
});
