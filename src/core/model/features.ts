/**
 * Typed readings of the attribute names in docs/data-schema.md. Loaders keep raw properties; analyses read
 * them through these functions so a missing or malformed attribute has one well-defined meaning.
 */
import { AGE_BANDS, AGE_BAND_FIELD, type AgeBand } from './age-bands';

export type Props = Readonly<Record<string, unknown>>;
export type FeatureId = string;

/**
 * Feature identity per the schema: the `id` attribute, else `osm_id`, else a GeoJSON feature id, else the
 * feature's index in its layer (for FlatGeobuf, the feature index the contract names).
 */
export function featureId(props: Props | null | undefined, index: number, topLevelId?: string | number): FeatureId {
  const present = (v: unknown): v is string | number => (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v));
  const id = [props?.['id'], props?.['osm_id'], topLevelId].find(present);
  return id === undefined ? String(index) : String(id);
}

export function numberProp(props: Props | null | undefined, key: string): number | undefined {
  const v = props?.[key];
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number.parseFloat(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function stringProp(props: Props | null | undefined, key: string): string | undefined {
  const v = props?.[key];
  if (v === undefined || v === null) return undefined;
  const s = String(v);
  return s === '' ? undefined : s;
}

export function boolProp(props: Props | null | undefined, key: string): boolean {
  const v = props?.[key];
  return v === true || v === 1 || v === 'true' || v === 'yes' || v === '1';
}

export type ChildCounts = Readonly<Record<AgeBand, number>>;

export interface HomeAttributes {
  readonly children: ChildCounts;
  readonly estimated: boolean;
  readonly population?: number;
  readonly levels?: number;
}

export function readHome(props: Props | null | undefined): HomeAttributes {
  const children = Object.fromEntries(
    AGE_BANDS.map((b) => [b, Math.max(0, numberProp(props, AGE_BAND_FIELD[b]) ?? 0)]),
  ) as Record<AgeBand, number>;
  return {
    children,
    estimated: boolProp(props, 'children_estimated'),
    population: numberProp(props, 'population'),
    levels: numberProp(props, 'levels') ?? numberProp(props, 'building:levels'),
  };
}

export const totalChildren = (c: ChildCounts): number => AGE_BANDS.reduce((s, b) => s + c[b], 0);

export type FacilityStatus = 'existing' | 'proposed';

export interface FacilityAttributes {
  readonly category: string | undefined;
  readonly name?: string;
  readonly nameZh?: string;
  readonly areaM2?: number;
  readonly capacity?: number;
  readonly status: FacilityStatus;
}

/** `layerCategory` is the category of a single-category layer (its role says it when features do not). */
export function readFacility(props: Props | null | undefined, layerCategory?: string): FacilityAttributes {
  return {
    category: stringProp(props, 'category') ?? layerCategory,
    name: stringProp(props, 'name'),
    nameZh: stringProp(props, 'name_zh'),
    areaM2: numberProp(props, 'area_m2'),
    capacity: numberProp(props, 'capacity'),
    status: stringProp(props, 'status') === 'proposed' ? 'proposed' : 'existing',
  };
}

export const HIGHWAY_CLASSES = [
  'motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', 'primary_link', 'secondary', 'secondary_link',
  'tertiary', 'tertiary_link', 'unclassified', 'residential', 'living_street', 'service', 'pedestrian', 'footway',
  'path', 'steps', 'cycleway', 'track', 'road',
] as const;

export type Sidewalk = 'both' | 'left' | 'right' | 'no' | 'separate' | undefined;

export interface StreetAttributes {
  /** Unknown classes map to `road` (data-schema.md). */
  readonly highway: string;
  readonly name?: string;
  readonly maxspeedKmh?: number;
  readonly lanes?: number;
  readonly sidewalk: Sidewalk;
  readonly foot?: string;
  readonly access?: string;
  readonly layer: number;
  readonly bridge: boolean;
  readonly tunnel: boolean;
  readonly area: boolean;
}

export function readStreet(props: Props | null | undefined): StreetAttributes {
  const hw = stringProp(props, 'highway');
  const sw = stringProp(props, 'sidewalk');
  return {
    highway: hw && (HIGHWAY_CLASSES as readonly string[]).includes(hw) ? hw : 'road',
    name: stringProp(props, 'name'),
    maxspeedKmh: numberProp(props, 'maxspeed'),
    lanes: numberProp(props, 'lanes'),
    sidewalk: sw === 'both' || sw === 'left' || sw === 'right' || sw === 'no' || sw === 'separate' ? sw : undefined,
    foot: stringProp(props, 'foot'),
    access: stringProp(props, 'access'),
    layer: numberProp(props, 'layer') ?? 0,
    bridge: boolProp(props, 'bridge'),
    tunnel: boolProp(props, 'tunnel'),
    area: boolProp(props, 'area'),
  };
}

export const CROSSING_TYPES = ['traffic_signals', 'marked', 'uncontrolled', 'unmarked', 'grade_separated'] as const;
export type CrossingType = (typeof CROSSING_TYPES)[number];

export interface CrossingAttributes {
  readonly crossing: CrossingType;
  readonly schoolGate: boolean;
}

/** OSM spells zebra crossings several ways; all of them are `marked` here. */
export function readCrossing(props: Props | null | undefined): CrossingAttributes {
  const raw = stringProp(props, 'crossing') ?? (stringProp(props, 'highway') === 'traffic_signals' ? 'traffic_signals' : undefined);
  const alias: Record<string, CrossingType> = { zebra: 'marked', uncontrolled: 'uncontrolled', traffic_signals: 'traffic_signals',
    marked: 'marked', unmarked: 'unmarked', grade_separated: 'grade_separated', island: 'uncontrolled' };
  return { crossing: (raw && alias[raw]) || 'uncontrolled', schoolGate: boolProp(props, 'school_gate') };
}

export interface UnitAttributes {
  readonly name?: string;
  readonly nameZh?: string;
  readonly parentId?: string;
  readonly adminCode?: string;
}

export function readUnit(props: Props | null | undefined): UnitAttributes {
  return {
    name: stringProp(props, 'name'),
    nameZh: stringProp(props, 'name_zh'),
    parentId: stringProp(props, 'parent_id'),
    adminCode: stringProp(props, 'admin_code'),
  };
}
