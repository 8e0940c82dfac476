/**
 * Isochrones of one category: the reachable streets, and the areas drawn from them.
 *
 * Area definition (what the map promises): on a grid of `cellM` cells, area(T) is every cell whose centre
 * lies within `walkInWidthM` of a street point at network distance ≤ T, except the cells where a home whose
 * walking distance exceeds T stands (unreachable and not connected homes included). Hence, by construction:
 *  - nested: area(T1) ⊆ area(T2) for T1 < T2 (both conditions only grow with T, on one shared grid);
 *  - consistent: no home is drawn inside an area whose threshold it exceeds. A plain buffer of the streets
 *    would draw a home behind a wall (reached only the long way round) inside a nearby street's band;
 *  - a home within T whose snap leg is under walkInWidthM − 0.71·cellM lies inside area(T), unless a home
 *    beyond T shares its cell.
 * The grid replaces polygon buffering and union, which took tens of seconds on Monaco.
 */
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { CategoryAccessResult, NetworkSource } from '../access';
import type { CancelToken } from '../jobs';
import type { PedestrianNetwork } from '../network';
import { cornerLngLat, excludeHomes, latticeAround, rasterisePieces } from './cell-areas';
import { reachablePieces } from './reachable-segments';
import { traceCells } from './trace-cells';

export interface IsochroneOptions {
  /** How far from a reachable street the area extends (metres). Default 50. */
  readonly walkInWidthM?: number;
  /** Grid resolution of the areas (metres); grows automatically beyond 16 million cells. Default 10. */
  readonly cellM?: number;
}

export interface ThresholdProps {
  readonly threshold_m: number;
}

export interface Isochrones {
  readonly segments: FeatureCollection<LineString | MultiLineString, ThresholdProps>;
  readonly areas: FeatureCollection<Polygon | MultiPolygon, ThresholdProps>;
}

export const DEFAULT_WALK_IN_WIDTH_M = 50;
export const DEFAULT_CELL_M = 10;

function bboxOf(pieces: readonly number[][][]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const piece of pieces) {
    for (const [x, y] of piece) {
      b[0] = Math.min(b[0], x!);
      b[1] = Math.min(b[1], y!);
      b[2] = Math.max(b[2], x!);
      b[3] = Math.max(b[3], y!);
    }
  }
  return b;
}

export function isochrones(
  net: PedestrianNetwork,
  access: CategoryAccessResult,
  homes: { readonly lng: Float64Array; readonly lat: Float64Array },
  thresholdsM: readonly number[],
  opts: IsochroneOptions = {},
  cancel?: CancelToken,
): Isochrones {
  const width = opts.walkInWidthM ?? DEFAULT_WALK_IN_WIDTH_M;
  const onSegment = new Map<number, NetworkSource[]>();
  for (const src of access.sources) onSegment.set(src.segment, [...(onSegment.get(src.segment) ?? []), src]);
  const sorted = [...thresholdsM].sort((x, y) => x - y);
  const piecesPer = sorted.map((T) => reachablePieces(net, access.nodeDistM, onSegment, T));
  // One lattice for every threshold, sized by the largest, so the cell sets nest exactly.
  const all = piecesPer[piecesPer.length - 1] ?? [];
  const lattice = all.length > 0 ? latticeAround(bboxOf(all), width + (opts.cellM ?? DEFAULT_CELL_M), opts.cellM ?? DEFAULT_CELL_M) : null;

  const segments: Feature<MultiLineString, ThresholdProps>[] = [];
  const areas: Feature<Polygon | MultiPolygon, ThresholdProps>[] = [];
  sorted.forEach((thresholdM, k) => {
    cancel?.check();
    const pieces = piecesPer[k]!;
    segments.push({ type: 'Feature', properties: { threshold_m: thresholdM }, geometry: { type: 'MultiLineString', coordinates: pieces } });
    if (!lattice || pieces.length === 0) return;
    const grid = rasterisePieces(lattice, pieces, width);
    excludeHomes(lattice, grid, homes.lng, homes.lat, (h) => !(access.walkingM[h]! <= thresholdM));
    const polygons: Position[][][] = traceCells(grid).map((rings) =>
      rings.map((ring) => ring.map(([i, j]) => cornerLngLat(lattice, i, j))),
    );
    if (polygons.length === 0) return;
    const geometry: Polygon | MultiPolygon = polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0]! }
      : { type: 'MultiPolygon', coordinates: polygons };
    areas.push({ type: 'Feature', properties: { threshold_m: thresholdM }, geometry });
  });
  return { segments: { type: 'FeatureCollection', features: segments }, areas: { type: 'FeatureCollection', features: areas } };
}
