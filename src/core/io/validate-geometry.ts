/**
 * Geometry checks and safe repairs for untrusted input. Never throws: whatever the input, the answer
 * is a valid RFC 7946 geometry or null (dropped), and every change is counted in the tally.
 * Safe repairs: drop non-finite positions, close rings, rewind (outer CCW, holes CW), drop degenerate
 * parts. Self-intersections are only reported: fixing them changes the shape.
 */
import type { Geometry, Position } from 'geojson';
import { crossesItself, LAYER_CHECK_BUDGET, type CheckBudget } from './self-intersection';
import { IO_WARNINGS, type WarningTally } from './warnings';

/** Polygons with more vertices are not checked for self-intersections (the check is quadratic). */
const KINKS_MAX_VERTICES = 1500;

interface Ctx {
  readonly tally: WarningTally;
  readonly idx: number;
  invalid: boolean;
  tooFew: boolean;
  closed: boolean;
  rewound: boolean;
}

/** `budget`: self-intersection comparisons left for the layer (LayerBuilder shares one per layer). */
export function validateGeometry(input: unknown, idx: number, tally: WarningTally, budget: CheckBudget = { left: LAYER_CHECK_BUDGET }): Geometry | null {
  const ctx: Ctx = { tally, idx, invalid: false, tooFew: false, closed: false, rewound: false };
  const g = cleanGeometry(input, ctx, 0);
  if (ctx.invalid) tally.add(IO_WARNINGS.invalidCoordinates, idx);
  if (ctx.tooFew) tally.add(IO_WARNINGS.tooFewPoints, idx);
  if (ctx.closed) tally.add(IO_WARNINGS.ringClosed, idx);
  if (ctx.rewound) tally.add(IO_WARNINGS.rewound, idx);
  if (g === null) {
    tally.add(IO_WARNINGS.emptyGeometryDropped, idx);
    return null;
  }
  if ((g.type === 'Polygon' || g.type === 'MultiPolygon') && hasKinks(g, budget)) tally.add(IO_WARNINGS.selfIntersection, idx);
  return g;
}

function cleanGeometry(input: unknown, ctx: Ctx, depth: number): Geometry | null {
  if (input === null || typeof input !== 'object') return null;
  const g = input as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  const c = g.coordinates;
  switch (g.type) {
    case 'Point': {
      const p = cleanPosition(c, ctx);
      return p ? { type: 'Point', coordinates: p } : null;
    }
    case 'MultiPoint': {
      const pts = arr(c).map((p) => cleanPosition(p, ctx)).filter((p): p is Position => p !== null);
      return pts.length ? { type: 'MultiPoint', coordinates: pts } : null;
    }
    case 'LineString': {
      const l = cleanLine(c, ctx);
      return l ? { type: 'LineString', coordinates: l } : null;
    }
    case 'MultiLineString': {
      const ls = arr(c).map((l) => cleanLine(l, ctx)).filter((l): l is Position[] => l !== null);
      return ls.length ? { type: 'MultiLineString', coordinates: ls } : null;
    }
    case 'Polygon': {
      const p = cleanPolygon(c, ctx);
      return p ? { type: 'Polygon', coordinates: p } : null;
    }
    case 'MultiPolygon': {
      const ps = arr(c).map((p) => cleanPolygon(p, ctx)).filter((p): p is Position[][] => p !== null);
      return ps.length ? { type: 'MultiPolygon', coordinates: ps } : null;
    }
    case 'GeometryCollection': {
      if (depth > 4) return null;
      const gs = arr(g.geometries).map((x) => cleanGeometry(x, ctx, depth + 1)).filter((x): x is Geometry => x !== null);
      return gs.length ? { type: 'GeometryCollection', geometries: gs } : null;
    }
    default:
      return null;
  }
}

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function cleanPosition(p: unknown, ctx: Ctx): Position | null {
  if (!Array.isArray(p) || p.length < 2) {
    ctx.invalid = true;
    return null;
  }
  const [x, y, z] = p as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
    ctx.invalid = true;
    return null;
  }
  return typeof z === 'number' && Number.isFinite(z) ? [x, y, z] : [x, y];
}

function cleanLine(c: unknown, ctx: Ctx): Position[] | null {
  const pts = arr(c).map((p) => cleanPosition(p, ctx)).filter((p): p is Position => p !== null);
  if (distinctCount(pts, 2) < 2) {
    ctx.tooFew = true;
    return null;
  }
  return pts;
}

function cleanRing(c: unknown, ctx: Ctx): Position[] | null {
  const pts = arr(c).map((p) => cleanPosition(p, ctx)).filter((p): p is Position => p !== null);
  if (pts.length > 0 && !samePos(pts[0], pts[pts.length - 1])) {
    pts.push([...pts[0]]);
    ctx.closed = true;
  }
  if (pts.length < 4 || distinctCount(pts, 3) < 3) {
    ctx.tooFew = true;
    return null;
  }
  return pts;
}

function cleanPolygon(c: unknown, ctx: Ctx): Position[][] | null {
  const rings = arr(c);
  const outer = cleanRing(rings[0], ctx);
  if (!outer) return null;
  const out = [orient(outer, true, ctx)];
  for (let i = 1; i < rings.length; i++) {
    const hole = cleanRing(rings[i], ctx);
    if (hole) out.push(orient(hole, false, ctx));
  }
  return out;
}

/** RFC 7946: exterior rings counterclockwise, holes clockwise. */
function orient(ring: Position[], ccw: boolean, ctx: Ctx): Position[] {
  const a = signedArea(ring);
  if (a === 0 || a > 0 === ccw) return ring;
  ctx.rewound = true;
  return ring.slice().reverse();
}

export function signedArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s / 2;
}

const samePos = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

function distinctCount(pts: readonly Position[], enough: number): number {
  const seen = new Set<string>();
  for (const p of pts) {
    seen.add(`${p[0]},${p[1]}`);
    if (seen.size >= enough) break;
  }
  return seen.size;
}

function hasKinks(g: Geometry, budget: CheckBudget): boolean {
  const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  for (const rings of polys) {
    const n = rings.reduce((s, r) => s + r.length, 0);
    if (n > KINKS_MAX_VERTICES) continue;
    if (crossesItself(rings, budget)) return true;
  }
  return false;
}
