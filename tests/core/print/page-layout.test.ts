/** Page and frame sizes per paper and dpi, against millimetres × dpi / 25.4 worked out by hand. */
import { describe, expect, it } from 'vitest';
import { checkMapSize, mmToPt, pageLayout, pageSize, type Frame } from '../../../src/core/print';

describe('page size', () => {
  it.each([
    ['A4', 'portrait', 150, 210, 297, 1240, 1754],
    ['A4', 'portrait', 300, 210, 297, 2480, 3508],
    ['A4', 'landscape', 300, 297, 210, 3508, 2480],
    ['A3', 'portrait', 150, 297, 420, 1754, 2480],
    ['A3', 'portrait', 300, 297, 420, 3508, 4961],
    ['A3', 'landscape', 150, 420, 297, 2480, 1754],
  ] as const)('%s %s %i dpi', (paper, orientation, dpi, wMm, hMm, wPx, hPx) => {
    expect(pageSize({ paper, orientation, dpi })).toEqual({ widthMm: wMm, heightMm: hMm, widthPx: wPx, heightPx: hPx });
  });
});

const inside = (a: Frame, b: Frame) =>
  a.mm.x >= b.mm.x - 1e-9 && a.mm.y >= b.mm.y - 1e-9 && a.mm.x + a.mm.width <= b.mm.x + b.mm.width + 1e-9 && a.mm.y + a.mm.height <= b.mm.y + b.mm.height + 1e-9;
const overlap = (a: Frame, b: Frame) =>
  a.px.x < b.px.x + b.px.width && b.px.x < a.px.x + a.px.width && a.px.y < b.px.y + b.px.height && b.px.y < a.px.y + a.px.height;

describe('frames', () => {
  it('A4 portrait: margins 10 mm, title 18 mm, map 190 × 185 mm, legend and inset strip of 50 mm, footer 12 mm', () => {
    const l = pageLayout({ paper: 'A4', orientation: 'portrait', dpi: 300 });
    expect(l.title.mm).toEqual({ x: 10, y: 10, width: 190, height: 11 });
    expect(l.map.mm).toEqual({ x: 10, y: 32, width: 190, height: 185 });
    expect(l.legend.mm).toEqual({ x: 10, y: 221, width: 136, height: 50 });
    expect(l.inset.mm).toEqual({ x: 150, y: 221, width: 50, height: 50 });
    expect(l.pageNumber.mm).toEqual({ x: 175, y: 275, width: 25, height: 12 });
    // 10 mm = 118.11 px → 118; 200 mm = 2362.20 → 2362; 32 mm = 377.95 → 378; 217 mm = 2562.99 → 2563.
    expect(l.map.px).toEqual({ x: 118, y: 378, width: 2244, height: 2185 });
  });

  it('A4 portrait at 150 dpi: the same millimetres, half the pixels (± rounding)', () => {
    const l = pageLayout({ paper: 'A4', orientation: 'portrait', dpi: 150 });
    // 10 mm = 59.06 → 59; 200 mm = 1181.10 → 1181; 32 mm = 188.98 → 189; 217 mm = 1281.496 → 1281.
    expect(l.map.px).toEqual({ x: 59, y: 189, width: 1122, height: 1092 });
  });

  it('A4 landscape: map 203 × 152 mm beside a 70 mm column with the inset on top of the legend', () => {
    const l = pageLayout({ paper: 'A4', orientation: 'landscape', dpi: 300 });
    expect(l.map.mm).toEqual({ x: 10, y: 32, width: 203, height: 152 });
    expect(l.inset.mm).toEqual({ x: 217, y: 32, width: 70, height: 70 });
    expect(l.legend.mm).toEqual({ x: 217, y: 106, width: 70, height: 78 });
    // 213 mm = 2515.75 → 2516; 184 mm = 2173.23 → 2173.
    expect(l.map.px).toEqual({ x: 118, y: 378, width: 2398, height: 1795 });
  });

  it('A3: the extra room goes to the map', () => {
    expect(pageLayout({ paper: 'A3', orientation: 'portrait', dpi: 300 }).map.mm).toEqual({ x: 10, y: 32, width: 277, height: 308 });
    expect(pageLayout({ paper: 'A3', orientation: 'landscape', dpi: 300 }).map.mm).toEqual({ x: 10, y: 32, width: 326, height: 239 });
  });

  it.each(['A4', 'A3'] as const)('%s: every frame on the page, scale bar and arrow inside the map, the rest never overlapping', (paper) => {
    for (const orientation of ['portrait', 'landscape'] as const) {
      for (const dpi of [150, 300] as const) {
        const l = pageLayout({ paper, orientation, dpi });
        const page: Frame = { mm: { x: 0, y: 0, width: l.page.widthMm, height: l.page.heightMm }, px: { x: 0, y: 0, width: l.page.widthPx, height: l.page.heightPx } };
        const blocks = [l.title, l.subtitle, l.map, l.legend, l.inset, l.ruleSet, l.date, l.sources, l.attribution, l.pageNumber];
        for (const b of blocks) expect(inside(b, page)).toBe(true);
        for (let i = 0; i < blocks.length; i++) for (let j = i + 1; j < blocks.length; j++) expect(overlap(blocks[i], blocks[j])).toBe(false);
        expect(inside(l.scaleBar, l.map) && inside(l.northArrow, l.map)).toBe(true);
        expect(overlap(l.scaleBar, l.northArrow)).toBe(false);
      }
    }
  });
});

describe('map size check', () => {
  it('takes what a canvas can render and refuses the rest with a code, never a smaller size', () => {
    expect(checkMapSize(16384, 16384)).toEqual({ ok: true, width: 16384, height: 16384 });
    expect(checkMapSize(16385, 100)).toMatchObject({ ok: false, code: 'print.map-too-large', params: { width: 16385, height: 100, maxSide: 16384 } });
    expect(checkMapSize(0, 100)).toMatchObject({ ok: false, code: 'print.map-size-invalid' });
    expect(checkMapSize(10.5, 100)).toMatchObject({ ok: false, code: 'print.map-size-invalid' });
    // A3 landscape at 300 dpi: x 10 → 336 mm = 118 → 3969 px, y 32 → 271 mm = 378 → 3201 px: 3851 × 2823 px.
    const a3 = pageLayout({ paper: 'A3', orientation: 'landscape', dpi: 300 }).map.px;
    expect(a3).toMatchObject({ width: 3851, height: 2823 });
    expect(checkMapSize(a3.width, a3.height, { maxSide: 4096, maxArea: 4096 * 4096 }).ok).toBe(true);
    expect(checkMapSize(a3.width, a3.height, { maxSide: 3000, maxArea: 4096 * 4096 })).toMatchObject({ ok: false, code: 'print.map-too-large' });
    expect(checkMapSize(4000, 4000, { maxSide: 8192, maxArea: 4000 * 3999 })).toMatchObject({ ok: false, code: 'print.map-too-large' });
  });
});

describe('page size in PDF points', () => {
  // 210 mm × 72 / 25.4 = 595.2756; 297 mm = 841.8898; 420 mm = 1190.5512 (ISO 216 in points).
  it.each([
    ['A4', 'portrait', 595.28, 841.89],
    ['A4', 'landscape', 841.89, 595.28],
    ['A3', 'portrait', 841.89, 1190.55],
    ['A3', 'landscape', 1190.55, 841.89],
  ] as const)('%s %s', (paper, orientation, wPt, hPt) => {
    const p = pageSize({ paper, orientation, dpi: 150 });
    expect([mmToPt(p.widthMm), mmToPt(p.heightMm)].map((x) => x.toFixed(2))).toEqual([wPt.toFixed(2), hPt.toFixed(2)]);
  });
});

describe('atlas page: a 32 mm panel for the unit’s figures, taken from the map; the legend keeps its frame', () => {
  it('A4 portrait: map 190 × 149 mm, legend and inset strip under it, the panel across the page under the strip', () => {
    const l = pageLayout({ paper: 'A4', orientation: 'portrait', dpi: 150 }, 'atlas');
    // Body 32 → 271 mm (239 mm) less panel and gap (36 mm) = 203 mm; less strip and gap (54 mm) = 149 mm of map.
    expect(l.map.mm).toEqual({ x: 10, y: 32, width: 190, height: 149 });
    expect(l.legend.mm).toEqual({ x: 10, y: 185, width: 136, height: 50 });
    expect(l.inset.mm).toEqual({ x: 150, y: 185, width: 50, height: 50 });
    expect(l.panel?.mm).toEqual({ x: 10, y: 239, width: 190, height: 32 });
    // 181 mm = 1068.90 → 1069 px, so the map is 1069 − 189 = 880 px tall.
    expect(l.map.px).toEqual({ x: 59, y: 189, width: 1122, height: 880 });
  });

  it('A4 landscape: map 203 × 116 mm, the panel under it, the side column as on the map page', () => {
    const l = pageLayout({ paper: 'A4', orientation: 'landscape', dpi: 150 }, 'atlas');
    expect(l.map.mm).toEqual({ x: 10, y: 32, width: 203, height: 116 });
    expect(l.panel?.mm).toEqual({ x: 10, y: 152, width: 203, height: 32 });
    expect(l.legend.mm).toEqual({ x: 217, y: 106, width: 70, height: 78 });
    // 213 mm = 1257.87 → 1258 px; 148 mm = 874.02 → 874 px.
    expect(l.map.px).toEqual({ x: 59, y: 189, width: 1199, height: 685 });
  });

  it('A3 portrait and landscape at 150 dpi', () => {
    const p = pageLayout({ paper: 'A3', orientation: 'portrait', dpi: 150 }, 'atlas');
    expect(p.map.mm).toEqual({ x: 10, y: 32, width: 277, height: 272 });
    expect(p.panel?.mm).toEqual({ x: 10, y: 362, width: 277, height: 32 });
    // 287 mm = 1694.88 → 1695 px; 304 mm = 1795.28 → 1795 px.
    expect(p.map.px).toEqual({ x: 59, y: 189, width: 1636, height: 1606 });
    const q = pageLayout({ paper: 'A3', orientation: 'landscape', dpi: 150 }, 'atlas');
    expect(q.map.mm).toEqual({ x: 10, y: 32, width: 326, height: 203 });
    expect(q.panel?.mm).toEqual({ x: 10, y: 239, width: 326, height: 32 });
  });

  it('a map page has no panel; on every paper, orientation and dpi the atlas legend frame has the map page’s size, and nothing overlaps', () => {
    for (const paper of ['A4', 'A3'] as const)
      for (const orientation of ['portrait', 'landscape'] as const)
        for (const dpi of [150, 300] as const) {
          const m = pageLayout({ paper, orientation, dpi });
          const a = pageLayout({ paper, orientation, dpi }, 'atlas');
          expect(m.panel).toBeNull();
          // Same size (on a portrait page it moves up with the shorter map), so the same legend rows fit.
          expect([a.legend.mm.width, a.legend.mm.height]).toEqual([m.legend.mm.width, m.legend.mm.height]);
          const blocks = [a.title, a.subtitle, a.map, a.legend, a.inset, a.panel!, a.ruleSet, a.date, a.sources, a.attribution, a.pageNumber];
          for (let i = 0; i < blocks.length; i++) for (let j = i + 1; j < blocks.length; j++) expect(overlap(blocks[i], blocks[j])).toBe(false);
          expect(inside(a.scaleBar, a.map) && inside(a.northArrow, a.map)).toBe(true);
          // The panel ends one gap above the footer.
          expect(a.panel!.mm.y + a.panel!.mm.height).toBe(a.ruleSet.mm.y - 4);
        }
  });
});
