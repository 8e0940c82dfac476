/**
 * The project document: layers + settings + scenarios + the user's rule sets. It is what a project file
 * holds and what undo history stacks. Validated with zod on load; older files pass through
 * `migrations.ts` first. Rule sets are only checked to be objects here (core/rules depends on this
 * folder, so it cannot be imported at run time); the project reader validates each with parseRuleSet.
 */
import { z } from 'zod';
import type { RuleSet } from '../rules/schema';
import type { SafetyProfile } from '../safety/profile';
import { sanitizeGeometry } from '../sketch/geometry';
import { AGE_BANDS } from './age-bands';
import { LAYER_ROLES } from './layer-roles';

/** 2: the user's edited and imported rule sets are saved in the file (`ruleSets`). */
export const PROJECT_SCHEMA_VERSION = 2;

const rgb = z.tuple([z.number().int().min(0).max(255), z.number().int().min(0).max(255), z.number().int().min(0).max(255)]);

const featureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({ type: z.literal('Feature'), geometry: z.unknown(), properties: z.record(z.string(), z.unknown()).nullable() }).passthrough()),
}).passthrough();

/** Where a layer's features come from: held in the file, or one of the embedded demo layers. */
export const layerSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('inline'), data: featureCollection }),
  z.object({ kind: z.literal('demo'), file: z.string().regex(/^[a-z0-9_-]+\.fgb$/) }),
]);

/** Which attribute plays which part (the field-mapping step); absent keys use the schema's names. */
export const fieldMappingSchema = z.object({
  name: z.string().optional(),
  category: z.string().optional(),
  children: z.record(z.enum(AGE_BANDS), z.string()).optional(),
}).strict();

/** A load warning as the loader reported it (LoadWarning): a code with a count, never a sentence. */
export const layerWarningSchema = z.object({
  code: z.string().min(1),
  count: z.number().int().nonnegative(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  examples: z.array(z.number().int().nonnegative()).optional(),
}).strict();

export const projectLayerSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  role: z.enum(LAYER_ROLES),
  /** Category of a single-category facility layer. */
  category: z.string().optional(),
  visible: z.boolean().default(true),
  opacity: z.number().min(0).max(1).default(1),
  color: rgb.optional(),
  fieldMapping: fieldMappingSchema.optional(),
  source: layerSourceSchema,
  /**
   * What the loader warned about (e.g. boundaries cut by the extract), written by Save so the warnings
   * come back on Open. Optional (version 1 files may lack it). In the session the
   * warnings live in layerData (fixes change them), not in the document.
   */
  warnings: z.array(layerWarningSchema).optional(),
});

export const settingsSchema = z.object({
  language: z.enum(['en', 'zh']).default('en'),
  /** Optional remote basemap; absent means the offline basemap drawn from loaded layers. */
  basemapStyleUrl: z.string().url().optional(),
  walkSpeedsMps: z.record(z.enum(AGE_BANDS), z.number().positive().max(5)).optional(),
  maxSnapM: z.number().positive().max(5000).default(150),
  thresholdsM: z.array(z.number().positive()).default([300, 500, 1000]),
  ruleSetId: z.string().default('default'),
}).strict();

export const proposalSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['facility', 'crossing', 'street', 'wish']),
  // Drawn on the map and handed to the analysis: a WGS 84 Point, LineString or Polygon, as a sketch feature's.
  geometry: z.unknown().refine((g) => sanitizeGeometry(g) !== null, { message: 'not a WGS 84 Point, LineString or Polygon' }),
  properties: z.record(z.string(), z.unknown()),
  /** Who proposed it: an age band and a group, never a name (no personal data about children). */
  origin: z.object({ ageBand: z.enum(AGE_BANDS).optional(), group: z.string().max(60).optional() }).strict().optional(),
});

export const scenarioSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(['baseline', 'proposal']),
  proposals: z.array(proposalSchema).default([]),
});

const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

export const projectSchema = z.object({
  schemaVersion: z.literal(PROJECT_SCHEMA_VERSION),
  name: z.string(),
  layers: z.array(projectLayerSchema),
  settings: settingsSchema,
  scenarios: z.array(scenarioSchema).min(1),
  activeScenarioId: z.string(),
  /**
   * The user's rule sets (edited copies of shipped packs under the pack's id, imported sets), one per id;
   * `settings.ruleSetId` chooses among these and the shipped packs. Validated by the project reader.
   */
  ruleSets: z.array(z.custom<RuleSet>(isObject)).max(100),
  /**
   * The safe-routes profile the user edited (docs/safe-routes-contract.md); absent: the shipped `child-v1`.
   * Only checked to be an object here; the project reader validates it with the safety core's parseProfile.
   */
  safetyProfile: z.custom<SafetyProfile>(isObject).optional(),
  /**
   * The co-sketch features (docs/co-sketch.md) when the sketch had any; optional, so no migration. Each
   * goes through core/sketch's sanitizeFeature when opened; in the session they live in the sketch's
   * Y.Doc, not in this document.
   */
  sketch: z.array(z.unknown()).max(10_000).optional(), // core/sketch's MAX_FEATURES (the lint keeps ../sketch out of here)
}).strict();

/** Top-level fields of the current schema; any other field in a file is refused (`unknown-field`). */
export const PROJECT_FIELDS: readonly string[] = Object.keys(projectSchema.shape);

export type LayerSource = z.infer<typeof layerSourceSchema>;
export type FieldMapping = z.infer<typeof fieldMappingSchema>;
export type ProjectLayer = z.infer<typeof projectLayerSchema>;
export type Settings = z.infer<typeof settingsSchema>;
export type Proposal = z.infer<typeof proposalSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type Project = z.infer<typeof projectSchema>;

export function emptyProject(name = 'Untitled'): Project {
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    name,
    layers: [],
    settings: settingsSchema.parse({}),
    scenarios: [{ id: 'baseline', name: 'Baseline', kind: 'baseline', proposals: [] }],
    activeScenarioId: 'baseline',
    ruleSets: [],
  };
}
