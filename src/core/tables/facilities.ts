/** FacilityTable from one or more facility layers; a layer's category applies where features name none. */
import type { FeatureCollection } from 'geojson';
import { area } from '@turf/turf';
import { countedCategories, featureId, MAX_COUNTED_CATEGORIES, readFacility, type FacilityTable } from '../model';
import { locationOf } from './location';

export interface FacilityLayerInput {
  readonly fc: FeatureCollection;
  /** Category of a single-category layer (its role says it when features do not). */
  readonly category?: string;
  /** When true, `category` applies to every feature even where one names another (a CLI `--facility cat=FILE`). */
  readonly forceCategory?: boolean;
}

export interface BuiltFacilityTable extends FacilityTable {
  /** Which input layer and feature each facility came from. */
  readonly layerIdx: Uint16Array;
  readonly featureIdx: Uint32Array;
  readonly skippedNoGeometry: number;
  readonly skippedNoCategory: number;
}

export function buildFacilityTable(layers: readonly FacilityLayerInput[]): BuiltFacilityTable {
  // A category that counts as several (`school` → primary + middle) takes one row per category.
  const total = layers.reduce((s, l) => s + l.fc.features.length, 0) * MAX_COUNTED_CATEGORIES;
  const ids: string[] = [];
  const category: string[] = [];
  const lng = new Float64Array(total);
  const lat = new Float64Array(total);
  const areaM2 = new Float64Array(total);
  const proposed = new Uint8Array(total);
  const layerIdx = new Uint16Array(total);
  const featureIdx = new Uint32Array(total);
  let k = 0;
  let noGeometry = 0;
  let noCategory = 0;
  layers.forEach((layer, li) => {
    layer.fc.features.forEach((f, i) => {
      const attrs = readFacility(f.properties, layer.category);
      const cat = layer.forceCategory && layer.category ? layer.category : attrs.category;
      if (!cat) {
        noCategory++;
        return;
      }
      const loc = locationOf(f.geometry);
      if (!loc || !Number.isFinite(loc[0]) || !Number.isFinite(loc[1])) {
        noGeometry++;
        return;
      }
      const polygonal = f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';
      const id = featureId(f.properties, i, f.id);
      const counted = countedCategories(cat);
      const a = attrs.areaM2 ?? (polygonal ? area(f) : NaN);
      for (const c of counted) {
        ids.push(counted.length > 1 ? `${id}/${c}` : id);
        category.push(c);
        lng[k] = loc[0];
        lat[k] = loc[1];
        areaM2[k] = a;
        proposed[k] = attrs.status === 'proposed' ? 1 : 0;
        layerIdx[k] = li;
        featureIdx[k] = i;
        k++;
      }
    });
  });
  return {
    ids,
    category,
    lng: lng.slice(0, k),
    lat: lat.slice(0, k),
    areaM2: areaM2.slice(0, k),
    proposed: proposed.slice(0, k),
    layerIdx: layerIdx.slice(0, k),
    featureIdx: featureIdx.slice(0, k),
    skippedNoGeometry: noGeometry,
    skippedNoCategory: noCategory,
  };
}

/** Per-layer tables as one (each built with buildFacilityTable([layer])): layerIdx becomes the position. */
export function concatFacilityTables(parts: readonly BuiltFacilityTable[]): BuiltFacilityTable {
  if (parts.length === 1 && parts[0]!.layerIdx.every((l) => l === 0)) return parts[0]!;
  const n = parts.reduce((s, p) => s + p.ids.length, 0);
  const out = {
    lng: new Float64Array(n), lat: new Float64Array(n), areaM2: new Float64Array(n), proposed: new Uint8Array(n),
    layerIdx: new Uint16Array(n), featureIdx: new Uint32Array(n),
  };
  let k = 0;
  parts.forEach((p, li) => {
    out.lng.set(p.lng, k);
    out.lat.set(p.lat, k);
    out.areaM2.set(p.areaM2, k);
    out.proposed.set(p.proposed, k);
    out.layerIdx.fill(li, k, k + p.ids.length);
    out.featureIdx.set(p.featureIdx, k);
    k += p.ids.length;
  });
  return {
    ids: parts.flatMap((p) => p.ids),
    category: parts.flatMap((p) => p.category),
    ...out,
    skippedNoGeometry: parts.reduce((s, p) => s + p.skippedNoGeometry, 0),
    skippedNoCategory: parts.reduce((s, p) => s + p.skippedNoCategory, 0),
  };
}

export const facilityTableBuffers = (t: BuiltFacilityTable): ArrayBufferView[] => [t.lng, t.lat, t.areaM2, t.proposed, t.layerIdx, t.featureIdx];
