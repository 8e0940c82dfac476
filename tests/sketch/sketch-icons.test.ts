import { describe, expect, it } from 'vitest';
import { SKETCH_AGE_BANDS, SKETCH_KINDS } from '../../src/core/sketch';
import { ageIcon, iconOf, ICONS, type IconShape } from '../../src/sketch/sketch-icons';
import { PROPOSAL_EMOJI, ROUTE_EMOJI, STICKERS } from '../../src/sketch/stickers';

/** Absolute points of a path made of the commands the icons use (M L H V C A Z, upper or lower case). */
function points(d: string): [number, number][] {
  const tokens = d.match(/[MLHVCAZmlhvcaz]|-?\d*\.?\d+/g) ?? [];
  const out: [number, number][] = [];
  let x = 0, y = 0, i = 0, cmd = '';
  const num = () => Number(tokens[i++]);
  while (i < tokens.length) {
    if (/[A-Za-z]/.test(tokens[i]!)) cmd = tokens[i++]!;
    const rel = cmd === cmd.toLowerCase();
    switch (cmd.toUpperCase()) {
      case 'M': case 'L': { const a = num(), b = num(); x = rel ? x + a : a; y = rel ? y + b : b; break; }
      case 'H': { const a = num(); x = rel ? x + a : a; break; }
      case 'V': { const a = num(); y = rel ? y + a : a; break; }
      case 'C': { const v = [num(), num(), num(), num(), num(), num()]; x = rel ? x + v[4]! : v[4]!; y = rel ? y + v[5]! : v[5]!; break; }
      case 'A': { const v = [num(), num(), num(), num(), num(), num(), num()]; x = rel ? x + v[5]! : v[5]!; y = rel ? y + v[6]! : v[6]!; break; }
      case 'Z': continue;
      default: throw new Error(`unexpected command ${cmd} in ${d}`);
    }
    out.push([x, y]);
  }
  return out;
}

describe('sketch icons', () => {
  it('every sticker, every age band and every kind has a bundled picture', () => {
    for (const s of STICKERS) expect(ICONS).toHaveProperty(s.id);
    for (const b of SKETCH_AGE_BANDS) expect(ICONS).toHaveProperty(ageIcon(b));
    for (const k of SKETCH_KINDS) expect(ICONS).toHaveProperty(iconOf(k));
  });

  it('a feature shows its sticker by its emoji, else its kind', () => {
    expect(iconOf('wish', '🛝')).toBe('playground');
    expect(iconOf('wish', '🪑')).toBe('bench');
    expect(iconOf('wish', undefined)).toBe('playground');
    expect(iconOf('danger', '⚠️')).toBe('danger');
    expect(iconOf('barrier')).toBe('barrier');
    expect(iconOf('route', ROUTE_EMOJI)).toBe('route');
    expect(iconOf('proposal', PROPOSAL_EMOJI)).toBe('proposal');
    // An emoji of another kind's sticker does not win over the kind (a peer may write anything).
    expect(iconOf('danger', '🛝')).toBe('danger');
  });

  it('every shape is a path of plain commands inside the 24 × 24 box, filled or stroked', () => {
    for (const [id, shapes] of Object.entries(ICONS) as [string, readonly IconShape[]][]) {
      expect(shapes.length, id).toBeGreaterThan(0);
      for (const s of shapes) {
        expect(s.fill ?? s.stroke, id).toMatch(/^#[0-9a-f]{6}$/);
        const pts = points(s.d);
        expect(pts.length, `${id}: ${s.d}`).toBeGreaterThan(1);
        for (const [x, y] of pts) {
          expect(x, `${id}: ${s.d}`).toBeGreaterThanOrEqual(0);
          expect(x, `${id}: ${s.d}`).toBeLessThanOrEqual(24);
          expect(y, `${id}: ${s.d}`).toBeGreaterThanOrEqual(0);
          expect(y, `${id}: ${s.d}`).toBeLessThanOrEqual(24);
        }
      }
    }
  });
});
