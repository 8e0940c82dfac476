/**
 * Children's marks clustered on the map (issue 9 item 5): the point marks go into one MapLibre GeoJSON
 * source with `cluster: true` (supercluster, in MapLibre's worker), which also sums each cluster's marks
 * by kind; a cluster is drawn as one badge with its count and its kinds instead of a pile of stickers.
 * Proposals are the designer's and stay stickers; routes and areas are drawn as shapes. Pure: the source's
 * data and options, and how a cluster's properties read; the map binding is src/map/sketch/mark-clusters.ts.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { SketchFeature, SketchKind } from '../core/sketch';

/** The kinds that cluster, in the badge's order. */
export const CLUSTER_KINDS = ['wish', 'danger', 'favourite', 'barrier'] as const satisfies readonly SketchKind[];
export type ClusterKind = (typeof CLUSTER_KINDS)[number];

/** Marks closer than this many screen pixels gather; two marks side by side stay stickers (3 or more make a cluster). */
export const CLUSTER_RADIUS_PX = 44;
export const CLUSTER_MIN_POINTS = 3;
/** From zoom 18 on (building scale) every mark is a sticker again. */
export const CLUSTER_MAX_ZOOM = 17;

export interface MarkProps {
  /** The sketch feature's id (MapLibre's feature ids must be numbers). */
  readonly fid: string;
  readonly kind: ClusterKind;
}

const clusters = (k: SketchKind): k is ClusterKind => (CLUSTER_KINDS as readonly string[]).includes(k);

/** The children's point marks as the clustered source's data: id and kind only. */
export function clusterData(features: readonly SketchFeature[]): FeatureCollection<Point, MarkProps> {
  const out: FeatureCollection<Point, MarkProps> = { type: 'FeatureCollection', features: [] };
  for (const f of features) {
    const kind = f.properties.kind;
    if (f.geometry.type !== 'Point' || !clusters(kind)) continue;
    out.features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: f.geometry.coordinates }, properties: { fid: f.id, kind } });
  }
  return out;
}

/** The source's clusterProperties: per kind, how many of the cluster's marks are of it. */
export const CLUSTER_PROPERTIES = Object.fromEntries(
  CLUSTER_KINDS.map((k) => [k, ['+', ['case', ['==', ['get', 'kind'], k], 1, 0]]]),
) as Record<ClusterKind, unknown>;

export interface ClusterBreakdown {
  readonly count: number;
  /** Kinds with marks, in CLUSTER_KINDS order. */
  readonly byKind: readonly (readonly [ClusterKind, number])[];
}

/** Reads a cluster feature's properties (`point_count` and the sums of CLUSTER_PROPERTIES). */
export function clusterBreakdown(props: Readonly<Record<string, unknown>>): ClusterBreakdown {
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : 0);
  return { count: n(props['point_count']), byKind: CLUSTER_KINDS.map((k) => [k, n(props[k])] as const).filter(([, c]) => c > 0) };
}

/** The badge's ring: each kind's share of the cluster as a conic-gradient arc in its colour. */
export function clusterRing(b: ClusterBreakdown, colours: Readonly<Record<string, string>>): string {
  const total = b.byKind.reduce((a, [, c]) => a + c, 0);
  if (!total) return '#888888';
  let at = 0;
  const stops = b.byKind.map(([k, c]) => {
    const from = (at / total) * 360;
    at += c;
    return `${colours[k] ?? '#888888'} ${from.toFixed(1)}deg ${((at / total) * 360).toFixed(1)}deg`;
  });
  return `conic-gradient(${stops.join(', ')})`;
}

/** Diameter of a cluster's badge in pixels: grows with the count, readable from 2 to 10,000 marks. */
export const clusterSize = (count: number): number => Math.round(Math.min(88, 44 + 7 * Math.log2(Math.max(1, count / 2))));
