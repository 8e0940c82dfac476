/**
 * Project files, read off the main thread and checked like loaded files: the size limit first, the bytes
 * in slices (progress, cancel), JSON, the version and migrations (`migrateProject`), then every inline
 * layer's features through the loader's per-feature validation and repair (`LayerBuilder`): a feature
 * the loader would drop is left out with a warning naming it, never the whole layer. Then the schema and
 * each saved rule set (`parseRuleSet`). Refusals are `project.<code>` with parameters, never sentences.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { CANCELLED, JobCancelledError, type CancelToken, type JobError, type ProgressFn } from '../jobs';
import { migrateProject, validateProject, type BBox, type GeometryKind, type LoadWarning, type Project } from '../model';
import { parseRuleSet } from '../rules/parse';
import { parseProfile, type SafetyProfile } from '../safety/profile';
import type { RuleSet } from '../rules/schema';
import type { ByteSource } from './byte-source';
import { IoFailure } from './io-error';
import { diagnoseJson } from './json-scan';
import { LayerBuilder } from './layer-builder';
import { chunkFor, pacer, type Pacer } from './progress';
import { DEFAULT_MAX_FEATURES } from './read-options';
import { decodeText } from './text';
import { IO_WARNINGS } from './warnings';

/**
 * Project files above this size are refused before reading (README, "Security and privacy defaults").
 * Below V8's longest string (2^29 − 24 characters), so a file under the limit can always be decoded.
 */
export const PROJECT_MAX_BYTES = 500 * 1024 * 1024;

/** Bytes read between progress reports and cancel checks. */
const SLICE_BYTES = 8 * 1024 * 1024;

/** Skipped features named in the warning; the count says how many there were in all. */
const NAMED_MAX = 5;

export const PROJECT_WARNINGS = { featuresSkipped: 'warning.project.features-skipped' } as const;

export interface LayerInfo {
  readonly geometryKind: GeometryKind;
  readonly bbox: BBox | null;
  readonly featureCount: number;
  readonly fieldNames: readonly string[];
  /** The file's saved warnings with this reading's findings (same code: this reading's), for layerData. */
  readonly warnings?: readonly LoadWarning[];
}

export interface ProjectRead {
  readonly project: Project;
  readonly migratedFrom?: number;
  /** By layer id, for layers held in the file (demo layers are references). */
  readonly layers: Readonly<Record<string, LayerInfo>>;
}

export type ProjectReadResult = { ok: true; value: ProjectRead } | { ok: false; error: JobError };

export interface ProjectReadOptions {
  /** Refuse files above this many bytes (default PROJECT_MAX_BYTES). */
  readonly maxBytes?: number;
  /** Per inline layer, as for loaded files (default 2,000,000). */
  readonly maxFeatures?: number;
}

type Refusal = { ok: false; error: { code: string; params: Record<string, string | number> } };
const refusal = (code: string, params: Record<string, string | number>): Refusal => ({ ok: false, error: { code: `project.${code}`, params } });

export async function readProjectSource(
  src: ByteSource,
  fileName: string,
  options: ProjectReadOptions = {},
  onProgress?: ProgressFn,
  cancel?: CancelToken,
): Promise<ProjectReadResult> {
  const limit = options.maxBytes ?? PROJECT_MAX_BYTES;
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  if (src.size > limit) return refusal('too-large', { file: fileName, size: src.size, limit, sizeMb: mb(src.size), limitMb: mb(limit) });
  if (src.size === 0) return refusal('empty', { file: fileName });
  const pace = pacer('progress.project.features', onProgress, cancel);
  try {
    return await readChecked(await readAll(src, pace), fileName, options, pace);
  } catch (e) {
    if (e instanceof JobCancelledError) return { ok: false, error: CANCELLED };
    // A layer the loader refuses (coordinates in metres): the error names the project file and the layer.
    if (e instanceof IoFailure) return { ok: false, error: { code: e.code, params: { ...e.params, file: `${fileName} › ${e.params['file'] ?? ''}` } } };
    return refusal('invalid', { file: fileName, path: '(root)', issue: 'unreadable', detail: String((e as Error)?.message ?? e).slice(0, 160) });
  }
}

/** The whole file in slices, so a large one reports progress and can be cancelled while it is read. */
async function readAll(src: ByteSource, pace: Pacer): Promise<Uint8Array> {
  if (src.size <= SLICE_BYTES) return src.all();
  const out = new Uint8Array(src.size);
  for (let at = 0; at < src.size;) {
    pace.report('progress.project.read', 0.3 * (at / src.size));
    const part = await src.read(at, SLICE_BYTES);
    if (part.byteLength === 0) break;
    out.set(part, at);
    at += part.byteLength;
    pace.checkCancel();
  }
  return out;
}

async function readChecked(bytes: Uint8Array, fileName: string, options: ProjectReadOptions, pace: Pacer): Promise<ProjectReadResult> {
  pace.report('progress.project.parse', 0.3);
  const text = decodeText(bytes);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    const why = diagnoseJson(text);
    return why.kind === 'truncated' ? refusal('truncated', { file: fileName }) : refusal('not-json', { file: fileName, line: why.line, column: why.column });
  }
  pace.checkCancel();
  const m = migrateProject(raw);
  if (!m.ok) return refusal(m.code, { file: fileName, ...m.params, detail: m.detail });
  // Everything but the layers first, so a file with a wrong field is refused before its features are read.
  const head = validateProject({ ...m.doc, layers: [] });
  if (!head.ok) return refusal(head.code, { file: fileName, ...head.params, detail: head.detail });

  const rawLayers = Array.isArray(m.doc['layers']) ? (m.doc['layers'] as unknown[]) : [];
  const total = rawLayers.reduce<number>((n, l) => n + (inlineFeatures(l)?.length ?? 0), 0);
  const checked: { features: Feature[]; info: LayerInfo }[] = [];
  const shells: unknown[] = [];
  let done = 0;
  for (const l of rawLayers) {
    const raws = inlineFeatures(l);
    if (!raws) {
      shells.push(l);
      continue;
    }
    const layer = l as Record<string, unknown>;
    const c = await checkFeatures(raws, layer, fileName, options, pace, done, total);
    done += raws.length;
    checked.push(c);
    // The schema sees the layer without its features (they are checked above, one by one).
    shells.push({ ...layer, source: { ...(layer['source'] as object), data: { ...((layer['source'] as { data: object }).data), features: [] } } });
  }
  pace.report('progress.project.check', 0.96);
  const v = validateProject({ ...m.doc, layers: shells });
  if (!v.ok) return refusal(v.code, { file: fileName, ...v.params, detail: v.detail });

  const ruleSets: RuleSet[] = [];
  const seen = new Set<string>();
  for (const [i, set] of v.project.ruleSets.entries()) {
    const r = parseRuleSet(set);
    if (!r.ok) {
      const issue = r.issues[0];
      return refusal('rule-set-invalid', { file: fileName, ruleSet: ruleSetName(set, i), path: issue?.path.join('.') || '(root)', issue: issue?.code ?? 'invalid' });
    }
    if (seen.has(r.ruleSet.id)) return refusal('rule-set-duplicate', { file: fileName, ruleSet: r.ruleSet.id });
    seen.add(r.ruleSet.id);
    ruleSets.push(r.ruleSet);
  }

  let safetyProfile: SafetyProfile | undefined;
  if (v.project.safetyProfile !== undefined) {
    const r = parseProfile(v.project.safetyProfile);
    if (!r.ok) {
      const issue = r.issues[0];
      return refusal('safety-profile-invalid', { file: fileName, path: issue?.path.join('.') || '(root)', issue: issue?.code ?? 'invalid' });
    }
    safetyProfile = r.profile;
  }

  let k = 0;
  const infos: Record<string, LayerInfo> = {};
  const layers = v.project.layers.map((l) => {
    if (l.source.kind !== 'inline') return l;
    const c = checked[k++]!;
    infos[l.id] = c.info;
    const data = { ...l.source.data, features: c.features } as typeof l.source.data;
    return { ...l, source: { kind: 'inline' as const, data } };
  });
  return {
    ok: true,
    value: { project: { ...v.project, layers, ruleSets, ...(safetyProfile ? { safetyProfile } : {}) }, ...(m.migratedFrom !== undefined ? { migratedFrom: m.migratedFrom } : {}), layers: infos },
  };
}

/** The raw features of an inline layer, or undefined (demo layers; shapes the schema will refuse). */
function inlineFeatures(l: unknown): unknown[] | undefined {
  const src = (l as { source?: { kind?: unknown; data?: { features?: unknown } } } | null)?.source;
  return src?.kind === 'inline' && Array.isArray(src.data?.features) ? src.data.features : undefined;
}

/** One layer's features through the loader's checks; what is dropped is named in one warning. */
async function checkFeatures(
  raws: readonly unknown[], layer: Record<string, unknown>, fileName: string, options: ProjectReadOptions, pace: Pacer, before: number, total: number,
): Promise<{ features: Feature[]; info: LayerInfo }> {
  const name = typeof layer['name'] === 'string' ? layer['name'] : fileName;
  const builder = new LayerBuilder({ fileName: name });
  const cap = options.maxFeatures ?? DEFAULT_MAX_FEATURES;
  const every = chunkFor(total);
  const skipped: number[] = [];
  const named: string[] = [];
  for (let i = 0; i < raws.length; i++) {
    if (builder.count >= cap) {
      builder.tally.note(IO_WARNINGS.featureCap, { read: builder.count, total: raws.length, cap });
      break;
    }
    if (!builder.add(raws[i])) {
      skipped.push(i);
      if (named.length < NAMED_MAX) named.push(featureLabel(raws[i], i));
    }
    await pace.step(before + i + 1, 0.4 + 0.55 * ((before + i + 1) / Math.max(1, total)), every);
  }
  const built = builder.finish();
  // The loader's "N features left out" is said again, with names, by the project's own warning.
  const found = skipped.length ? built.warnings.filter((w) => w.code !== IO_WARNINGS.emptyGeometryDropped) : [...built.warnings];
  if (skipped.length) {
    found.push({ code: PROJECT_WARNINGS.featuresSkipped, count: skipped.length, params: { layer: name, features: named.join(', ') }, examples: skipped.slice(0, NAMED_MAX) });
  }
  const saved = savedWarnings(layer['warnings']);
  const codes = new Set(found.map((w) => w.code));
  const warnings = [...saved.filter((w) => !codes.has(w.code)), ...found];
  return {
    features: (built.data as FeatureCollection).features,
    info: { geometryKind: built.geometryKind, bbox: built.bbox, featureCount: built.featureCount, fieldNames: built.fieldNames, warnings },
  };
}

/** The feature's id when it has one (as the rest of the app names features), else its position, 1-based. */
function featureLabel(raw: unknown, i: number): string {
  const f = (raw !== null && typeof raw === 'object' ? raw : {}) as { properties?: unknown; id?: unknown };
  const props = f.properties !== null && typeof f.properties === 'object' ? (f.properties as Record<string, unknown>) : undefined;
  const id = [props?.['id'], props?.['osm_id'], f.id].find((v) => (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v)));
  return id === undefined ? `#${i + 1}` : String(id).slice(0, 60);
}

/** The file's warnings for a layer, as far as they have the saved shape (the schema checks them again). */
function savedWarnings(w: unknown): LoadWarning[] {
  if (!Array.isArray(w)) return [];
  return w.filter((x): x is LoadWarning => x !== null && typeof x === 'object' && typeof (x as LoadWarning).code === 'string' && typeof (x as LoadWarning).count === 'number');
}

const ruleSetName = (set: unknown, i: number): string => {
  const id = (set as { id?: unknown })?.id;
  return typeof id === 'string' && id ? id.slice(0, 80) : `#${i + 1}`;
};

/** Bytes already in memory (tests, the command line). */
export function readProjectBytes(bytes: Uint8Array, fileName: string, options: ProjectReadOptions = {}): Promise<ProjectReadResult> {
  return readProjectSource({ size: bytes.byteLength, read: async (o, n) => bytes.subarray(o, o + n), all: async () => bytes }, fileName, options);
}
