/**
 * Exact point-in-polygon over flat rings, boundary-inclusive like turf.booleanPointInPolygon's default:
 * a point on any ring edge counts as inside, so a home on a shared border belongs to both neighbours and
 * the smallest id wins.
 */

/** One polygon part: coords = [x0, y0, x1, y1, ...]; rings[k]..rings[k+1] are the point ranges of ring k. */
export interface FlatPolygon {
  readonly coords: Float64Array;
  readonly ringStarts: Uint32Array;
}

const ON_EDGE_EPS = 1e-12;

export function pointInFlatPolygon(poly: FlatPolygon, px: number, py: number): boolean {
  const { coords, ringStarts } = poly;
  let inside = false;
  for (let r = 0; r + 1 < ringStarts.length; r++) {
    const start = ringStarts[r];
    const end = ringStarts[r + 1];
    for (let i = start, j = end - 1; i < end; j = i++) {
      const xi = coords[2 * i];
      const yi = coords[2 * i + 1];
      const xj = coords[2 * j];
      const yj = coords[2 * j + 1];
      const inY = yi > py !== yj > py;
      if (
        (inY || yi === py || yj === py) &&
        px >= Math.min(xi, xj) && px <= Math.max(xi, xj) &&
        py >= Math.min(yi, yj) && py <= Math.max(yi, yj)
      ) {
        const cross = (xj - xi) * (py - yi) - (yj - yi) * (px - xi);
        if (Math.abs(cross) <= ON_EDGE_EPS * (Math.abs(xj - xi) + Math.abs(yj - yi))) return true;
      }
      if (inY && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Flattens GeoJSON rings; a closing vertex equal to the first is dropped (the loop closes rings itself). */
export function flattenPolygon(rings: readonly (readonly (readonly number[])[])[]): FlatPolygon {
  let n = 0;
  for (const r of rings) n += r.length;
  const coords = new Float64Array(2 * n);
  const starts: number[] = [0];
  let k = 0;
  for (const ring of rings) {
    let len = ring.length;
    if (len > 1 && ring[0][0] === ring[len - 1][0] && ring[0][1] === ring[len - 1][1]) len--;
    for (let i = 0; i < len; i++) {
      coords[2 * k] = ring[i][0];
      coords[2 * k + 1] = ring[i][1];
      k++;
    }
    starts.push(k);
  }
  return { coords: coords.subarray(0, 2 * k), ringStarts: Uint32Array.from(starts) };
}
