// The co-sketch document's fixed vocabulary (docs/co-sketch.md). Other programs rely on these lists:
// change them only together with that page.

/** The only property keys a sketch feature may carry. */
export const ALLOWED_PROPERTY_KEYS = [
  'kind',
  'age_band',
  'group',
  'note',
  'created',
  'updated',
  'emoji',
  'status',
  'category',
  'source_id',
] as const;
export type SketchPropertyKey = (typeof ALLOWED_PROPERTY_KEYS)[number];

export const SKETCH_KINDS = ['wish', 'danger', 'favourite', 'route', 'barrier', 'proposal'] as const;
export type SketchKind = (typeof SKETCH_KINDS)[number];

export const SKETCH_AGE_BANDS = ['0_3', '4_6', '7_12', '13_18'] as const;
export type SketchAgeBand = (typeof SKETCH_AGE_BANDS)[number];

export const SKETCH_STATUSES = ['open', 'accepted', 'declined'] as const;
export type SketchStatus = (typeof SKETCH_STATUSES)[number];

export const SKETCH_GEOMETRY_TYPES = ['Point', 'LineString', 'Polygon'] as const;
export type SketchGeometryType = (typeof SKETCH_GEOMETRY_TYPES)[number];

/** Keys that only a proposal carries. */
export const PROPOSAL_ONLY_KEYS: readonly SketchPropertyKey[] = ['category', 'source_id'];

export const NOTE_MAX_CHARS = 140;
/** A facilitator's label ("class 3b", "table 2"): short, never a person's name by design, not checkable. */
export const GROUP_MAX_CHARS = 40;
/** One emoji can be several code points (skin tone, ZWJ sequences). */
export const EMOJI_MAX_CHARS = 16;
export const ID_MAX_CHARS = 128;
/** Vertices in one geometry; far beyond a hand-drawn route, far below the message limit. */
export const MAX_VERTICES = 5000;

/** The Y.Map names inside a workshop's Y.Doc. */
export const FEATURES_MAP = 'features';
export const META_MAP = 'meta';

/** A workshop holds at most this many features. */
export const MAX_FEATURES = 10_000;
/** Messages (one WebSocket frame) over this size are refused. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

export type SketchProperties = {
  kind: SketchKind;
  age_band?: SketchAgeBand;
  group?: string;
  note?: string;
  created?: string;
  updated?: string;
  emoji?: string;
  status?: SketchStatus;
  category?: string;
  source_id?: string;
};

export type SketchGeometry =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'LineString'; coordinates: [number, number][] }
  | { type: 'Polygon'; coordinates: [number, number][][] };

export type SketchFeature = {
  type: 'Feature';
  id: string;
  geometry: SketchGeometry;
  properties: SketchProperties;
};

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 date or date-time string that names a real time. */
export function isIsoTimestamp(value: unknown): value is string {
  return typeof value === 'string' && ISO_8601.test(value) && !Number.isNaN(Date.parse(value));
}
