/**
 * Hostile GeoJSON too big to commit, built at test time: star polygons with over a million self-crossings
 * each, zigzag polygons whose segments all overlap in x without crossing, and JSON nested 100,000 deep.
 */
const enc = new TextEncoder();
const fc = (features: unknown[]) => enc.encode(JSON.stringify({ type: 'FeatureCollection', features }));

/** Vertices on a circle joined every (n-1)/2 steps: a star polygon {n/m} crosses itself n(m-1) times. */
function star(cx: number, cy: number, n = 1499): number[][] {
  const m = (n - 1) / 2;
  const ring = Array.from({ length: n }, (_, j) => {
    const a = (2 * Math.PI * ((j * m) % n)) / n;
    return [cx + 0.01 * Math.cos(a), cy + 0.01 * Math.sin(a)];
  });
  return [...ring, ring[0]];
}

export const manyKinks = (count: number) =>
  fc(Array.from({ length: count }, (_, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Polygon', coordinates: [star(7.4 + 0.001 * i, 43.7)] } })));

/**
 * A counterclockwise ring of 1,499 vertices: a zigzag between x = 0 and x = 1 going up (every segment spans the
 * whole width, none crosses another), closed by a detour to the left. Valid, and the worst case for a sweep.
 */
function zigzag(x0: number, y0: number): number[][] {
  const teeth = 1496;
  const pts: number[][] = [];
  for (let k = 0; k < teeth; k++) pts.push([x0 + (k % 2 ? 0 : 0.01), y0 + k * 1e-5]);
  const top = y0 + (teeth - 1) * 1e-5;
  const ring = [[x0 - 0.001, y0 - 1e-5], ...pts, [x0 - 0.001, top + 1e-5]];
  return [...ring, ring[0]];
}

export const zigzags = (count: number) =>
  fc(Array.from({ length: count }, (_, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Polygon', coordinates: [zigzag(7.4 + 0.02 * (i % 10), 43.7 + 0.02 * Math.floor(i / 10))] } })));

/** JSON nested `depth` deep: in a property, as the whole document, or as the whole document cut short. */
export function deepJson(where: 'properties' | 'root' | 'cut', depth: number): Uint8Array {
  const open = '['.repeat(depth);
  const close = ']'.repeat(depth);
  if (where === 'root') return enc.encode(open + close);
  if (where === 'cut') return enc.encode(open);
  return enc.encode(`{"type":"Feature","properties":{"deep":${open}${close}},"geometry":{"type":"Point","coordinates":[7.42,43.73]}}`);
}

/** One apartment block of about 22 m × 22 m at (0, 0) whose building:levels tag is `levels`. */
export function tallBuilding(levels: string): Uint8Array {
  const d = 0.0002;
  const corners = [[0, 0], [d, 0], [d, d], [0, d]];
  const nodes = corners.map(([lon, lat], i) => `<node id="${i + 1}" lat="${lat}" lon="${lon}"/>`).join('');
  const refs = [1, 2, 3, 4, 1].map((r) => `<nd ref="${r}"/>`).join('');
  return enc.encode(`<osm version="0.6">${nodes}<way id="10">${refs}<tag k="building" v="apartments"/><tag k="building:levels" v="${levels}"/></way></osm>`);
}
