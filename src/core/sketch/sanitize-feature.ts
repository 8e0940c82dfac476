import { sanitizeGeometry, sameGeometry } from './geometry';
import {
  ALLOWED_PROPERTY_KEYS,
  EMOJI_MAX_CHARS,
  GROUP_MAX_CHARS,
  ID_MAX_CHARS,
  NOTE_MAX_CHARS,
  PROPOSAL_ONLY_KEYS,
  SKETCH_AGE_BANDS,
  SKETCH_KINDS,
  SKETCH_STATUSES,
  isIsoTimestamp,
  isOneOf,
  type SketchFeature,
  type SketchProperties,
  type SketchPropertyKey,
} from './rules';

// One sketch feature through the document rules (docs/co-sketch.md). The client drops what the rules
// forbid before writing; the server runs the same function on what arrives and stores only the result.
// A feature without a usable id, geometry or kind is dropped whole; a bad or unknown property is dropped
// alone, so a child's mark survives a stray field.

export type SketchIssueCode =
  | 'bad_id' // the map key is not a usable feature id: feature dropped
  | 'not_a_feature' // not a GeoJSON Feature object: dropped
  | 'bad_geometry' // not a WGS 84 Point / LineString / Polygon: dropped
  | 'bad_kind' // kind missing or not in the list: dropped
  | 'id_mismatch' // feature.id differed from its key: set to the key
  | 'extra_member' // a member beside type, id, geometry, properties: removed
  | 'geometry_normalised' // e.g. a third coordinate dropped
  | 'unknown_key' // a property key outside the allowed list: removed
  | 'bad_value' // an allowed key with a value outside its rule: removed
  | 'proposal_only'; // category / source_id on a feature that is not a proposal: removed

export type SketchIssue = { code: SketchIssueCode; key?: string };

export type SanitizeResult = {
  /** The feature to store, or null when it must not be stored at all. */
  feature: SketchFeature | null;
  /** Empty when the input was already a valid feature, unchanged. */
  issues: SketchIssue[];
};

const CATEGORY_ID = /^[a-z][a-z0-9_]{0,39}$/;
const FEATURE_MEMBERS = new Set(['type', 'id', 'geometry', 'properties']);

function shortString(max: number) {
  return (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0 && [...v].length <= max;
}

const VALUE_RULES: Record<SketchPropertyKey, (v: unknown) => boolean> = {
  kind: (v) => isOneOf(SKETCH_KINDS, v),
  age_band: (v) => isOneOf(SKETCH_AGE_BANDS, v),
  group: shortString(GROUP_MAX_CHARS),
  // The limit counts characters as people see them (code points), so a Chinese note gets 140 too.
  note: (v) => typeof v === 'string' && [...v].length <= NOTE_MAX_CHARS,
  created: isIsoTimestamp,
  updated: isIsoTimestamp,
  emoji: shortString(EMOJI_MAX_CHARS),
  status: (v) => isOneOf(SKETCH_STATUSES, v),
  category: (v) => typeof v === 'string' && CATEGORY_ID.test(v),
  source_id: shortString(ID_MAX_CHARS),
};

/** True when `key` can name a feature in the `features` map. */
export function isFeatureId(key: unknown): key is string {
  return typeof key === 'string' && key.length > 0 && key.length <= ID_MAX_CHARS;
}

export function sanitizeFeature(key: string, value: unknown): SanitizeResult {
  const issues: SketchIssue[] = [];
  const drop = (code: SketchIssueCode): SanitizeResult => ({ feature: null, issues: [{ code }] });
  if (!isFeatureId(key)) return drop('bad_id');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return drop('not_a_feature');
  const f = value as Record<string, unknown>;
  if (f.type !== 'Feature') return drop('not_a_feature');
  const props = f.properties;
  if (typeof props !== 'object' || props === null || Array.isArray(props)) return drop('not_a_feature');
  const geometry = sanitizeGeometry(f.geometry);
  if (!geometry) return drop('bad_geometry');
  const p = props as Record<string, unknown>;
  if (!VALUE_RULES.kind(p.kind)) return drop('bad_kind');

  if (f.id !== key) issues.push({ code: 'id_mismatch' });
  for (const member of Object.keys(f)) if (!FEATURE_MEMBERS.has(member)) issues.push({ code: 'extra_member', key: member });
  if (!sameGeometry(f.geometry, geometry)) issues.push({ code: 'geometry_normalised' });

  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) {
    if (!isOneOf(ALLOWED_PROPERTY_KEYS, k)) {
      issues.push({ code: 'unknown_key', key: k });
    } else if (PROPOSAL_ONLY_KEYS.includes(k) && p.kind !== 'proposal') {
      issues.push({ code: 'proposal_only', key: k });
    } else if (!VALUE_RULES[k](v)) {
      issues.push({ code: 'bad_value', key: k });
    } else {
      clean[k] = v;
    }
  }
  const feature: SketchFeature = {
    type: 'Feature',
    id: key,
    geometry,
    properties: clean as SketchProperties,
  };
  return { feature, issues };
}
