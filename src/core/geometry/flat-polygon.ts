/** Polygon rings as one flat coordinate array, the form the point-in-polygon test (banded-polygon.ts) reads. */

/** One polygon part: coords = [x0, y0, x1, y1, ...]; rings[k]..rings[k+1] are the point ranges of ring k. */
export interface FlatPolygon {
  readonly coords: Float64Array;
  readonly ringStarts: Uint32Array;
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
