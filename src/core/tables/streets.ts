/**
 * StreetTable: the street layer as the network and the safety core read it — line geometry as typed
 * arrays, each way's own id, and only the tags the walkability rules (access-contract.md) and the stress
 * ratings (safe-routes contract) read. Built in the io worker and transferred to the analysis worker.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Props } from '../model';
import { geometryAt, geometryBuffers, geometryColumns, type GeometryColumns } from './geometry-columns';
import { concatTagColumns, tagColumns, tagsAt, type TagColumns } from './tag-columns';

/** Tags read by walkability (network/walkability.ts, readStreet) and by src/core/safety. */
export const STREET_TAG_KEYS = [
  'highway', 'foot', 'access', 'tunnel', 'area', 'bridge', 'layer', 'name', 'ref', 'maxspeed', 'lanes',
  'sidewalk', 'sidewalk:both', 'sidewalk:left', 'sidewalk:right', 'crossing', 'crossing:markings', 'crossing:signals', 'crossing_ref',
] as const;

export interface StreetTable {
  readonly kind: 'streets';
  readonly count: number;
  /** The way's own id (`id`, `osm_id` or the feature id); '' when it has none (streetId gives its index). */
  readonly ownIds: readonly string[];
  readonly geometry: GeometryColumns;
  readonly tags: TagColumns;
}

const present = (v: unknown): v is string | number => (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v));

/** The same id featureId gives for way i of the collection (its index when it names none). */
export const streetId = (t: StreetTable, i: number): string => t.ownIds[i] || String(i);

export function buildStreetTable(fc: FeatureCollection): StreetTable {
  const features = fc.features;
  const props = features.map((f) => f.properties as Props | null);
  return {
    kind: 'streets',
    count: features.length,
    ownIds: features.map((f, i) => {
      const id = [props[i]?.['id'], props[i]?.['osm_id'], f.id].find(present);
      return id === undefined ? '' : String(id);
    }),
    geometry: geometryColumns(features.map((f) => f.geometry)),
    tags: tagColumns(props, STREET_TAG_KEYS),
  };
}

/** Several street layers as one (the analysis merges every streets layer into one network). */
export function concatStreetTables(parts: readonly StreetTable[]): StreetTable {
  if (parts.length === 1) return parts[0]!;
  const g = parts.map((p) => p.geometry);
  const sum = (f: (x: GeometryColumns) => number) => g.reduce((s, x) => s + f(x), 0);
  const type = new Uint8Array(sum((x) => x.type.length));
  const featureOffsets = new Uint32Array(type.length + 1);
  const partOffsets = new Uint32Array(sum((x) => x.partOffsets.length - 1) + 1);
  const ringOffsets = new Uint32Array(sum((x) => x.ringOffsets.length - 1) + 1);
  const coords = new Float64Array(sum((x) => x.coords.length));
  let f = 0, p = 0, r = 0, c = 0;
  for (const x of g) {
    type.set(x.type, f);
    for (let i = 1; i < x.featureOffsets.length; i++) featureOffsets[f + i] = x.featureOffsets[i]! + p;
    for (let i = 1; i < x.partOffsets.length; i++) partOffsets[p + i] = x.partOffsets[i]! + r;
    for (let i = 1; i < x.ringOffsets.length; i++) ringOffsets[r + i] = x.ringOffsets[i]! + c / 2;
    coords.set(x.coords, c);
    f += x.type.length;
    p += x.partOffsets.length - 1;
    r += x.ringOffsets.length - 1;
    c += x.coords.length;
  }
  return {
    kind: 'streets',
    count: f,
    ownIds: parts.flatMap((t) => t.ownIds),
    geometry: { type, featureOffsets, partOffsets, ringOffsets, coords },
    tags: concatTagColumns(parts.map((t) => t.tags)),
  };
}

export const streetTableBuffers = (t: StreetTable): ArrayBufferView[] => [...geometryBuffers(t.geometry), ...t.tags.codes];

/**
 * The table as GeoJSON again, with only the kept tags (+ `id`): for the code that still reads streets as
 * features (src/core/safety). Built on demand, never held by the dataset.
 */
export function streetFeatures(t: StreetTable): FeatureCollection {
  const features: Feature[] = [];
  for (let i = 0; i < t.count; i++) {
    const props = tagsAt(t.tags, i);
    features.push({ type: 'Feature', ...(t.ownIds[i] ? { id: t.ownIds[i] } : {}), geometry: geometryAt(t.geometry, i) as Geometry, properties: props });
  }
  return { type: 'FeatureCollection', features };
}
