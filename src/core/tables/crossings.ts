/**
 * CrossingTable: the crossings point layer as the safety core reads it — each point's position and only
 * the tags that say how it is controlled (safe-routes contract, "Crossing control"). Built in the io worker
 * and transferred to the analysis worker with the other layers of a dataset.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { Props } from '../model';
import { locationOf } from './location';
import { concatTagColumns, tagColumns, tagsAt, type TagColumns } from './tag-columns';

/** Tags read by src/core/safety/crossings.ts `readControl`. */
export const CROSSING_TAG_KEYS = ['crossing', 'highway', 'crossing:signals', 'crossing:markings', 'crossing_ref'] as const;

export interface CrossingTable {
  readonly kind: 'crossings';
  readonly count: number;
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  readonly tags: TagColumns;
}

/** The layer's points (other geometries have no single crossing vertex and are left out, as the core did). */
export function buildCrossingTable(fc: FeatureCollection): CrossingTable {
  const points = fc.features.filter((f) => f.geometry?.type === 'Point' && locationOf(f.geometry));
  const lng = new Float64Array(points.length);
  const lat = new Float64Array(points.length);
  points.forEach((f, i) => {
    const [x, y] = locationOf(f.geometry)!;
    lng[i] = x;
    lat[i] = y;
  });
  return { kind: 'crossings', count: points.length, lng, lat, tags: tagColumns(points.map((f) => f.properties as Props | null), CROSSING_TAG_KEYS) };
}

/** Several crossings layers as one. */
export function concatCrossingTables(parts: readonly CrossingTable[]): CrossingTable {
  if (parts.length === 1) return parts[0]!;
  const count = parts.reduce((s, p) => s + p.count, 0);
  const lng = new Float64Array(count);
  const lat = new Float64Array(count);
  let k = 0;
  for (const p of parts) {
    lng.set(p.lng, k);
    lat.set(p.lat, k);
    k += p.count;
  }
  return { kind: 'crossings', count, lng, lat, tags: concatTagColumns(parts.map((p) => p.tags)) };
}

export const crossingTableBuffers = (t: CrossingTable): ArrayBufferView[] => [t.lng, t.lat, ...t.tags.codes];

/** The table as GeoJSON points with their kept tags: for the safety core, built for a run, never held. */
export function crossingFeatures(t: CrossingTable): FeatureCollection {
  const features: Feature[] = [];
  for (let i = 0; i < t.count; i++) {
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [t.lng[i]!, t.lat[i]!] }, properties: tagsAt(t.tags, i) });
  }
  return { type: 'FeatureCollection', features };
}
