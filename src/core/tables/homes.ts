/** HomeTable from a homes layer (points or building polygons), with the schema's child-count fields. */
import type { FeatureCollection, Feature } from 'geojson';
import { AGE_BANDS, AGE_BAND_FIELD, boolProp, featureId, numberProp, type AgeBand, type HomeTable, type Props } from '../model';
import { locationOf } from './location';

/** Which attribute holds each band's count when it is not the schema's name (the field-mapping step). */
export interface HomeFieldMapping {
  readonly children?: Partial<Record<AgeBand, string>>;
}

export interface BuiltHomeTable extends HomeTable {
  /** Index of each home's feature in the source layer (features without a location are left out). */
  readonly featureIdx: Uint32Array;
  /** Features left out because they have no usable geometry. */
  readonly skippedNoGeometry: number;
}

function mappedProps(props: Props | null, mapping: HomeFieldMapping | undefined): Props | null {
  const m = mapping?.children;
  if (!m || !props) return props;
  const out: Record<string, unknown> = { ...props };
  for (const b of AGE_BANDS) {
    const field = m[b];
    if (field) out[AGE_BAND_FIELD[b]] = props[field];
  }
  return out;
}

export function buildHomeTable(fc: FeatureCollection, fieldMapping?: HomeFieldMapping): BuiltHomeTable {
  const n = fc.features.length;
  const ids: string[] = [];
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  const children = Object.fromEntries(AGE_BANDS.map((b) => [b, new Float64Array(n)])) as Record<AgeBand, Float64Array>;
  const estimated = new Uint8Array(n);
  const population = new Float64Array(n);
  const featureIdx = new Uint32Array(n);
  const fields = AGE_BANDS.map((b) => AGE_BAND_FIELD[b]);
  let k = 0;
  fc.features.forEach((f: Feature, i) => {
    const loc = locationOf(f.geometry);
    if (!loc || !Number.isFinite(loc[0]) || !Number.isFinite(loc[1])) return;
    // readHome's reading of the counts, without building an object per home (hot on big cities).
    const props = mappedProps(f.properties, fieldMapping);
    ids.push(featureId(f.properties, i, f.id));
    lng[k] = loc[0];
    lat[k] = loc[1];
    for (let j = 0; j < AGE_BANDS.length; j++) children[AGE_BANDS[j]][k] = Math.max(0, numberProp(props, fields[j]) ?? 0);
    estimated[k] = boolProp(props, 'children_estimated') ? 1 : 0;
    population[k] = numberProp(props, 'population') ?? NaN;
    featureIdx[k] = i;
    k++;
  });
  return {
    ids,
    lng: lng.slice(0, k),
    lat: lat.slice(0, k),
    children: Object.fromEntries(AGE_BANDS.map((b) => [b, children[b].slice(0, k)])) as Record<AgeBand, Float64Array>,
    estimated: estimated.slice(0, k),
    population: population.slice(0, k),
    featureIdx: featureIdx.slice(0, k),
    skippedNoGeometry: n - k,
  };
}

export const homeTableBuffers = (t: BuiltHomeTable): ArrayBufferView[] =>
  [t.lng, t.lat, ...Object.values(t.children), t.estimated, ...(t.population ? [t.population] : []), t.featureIdx];
