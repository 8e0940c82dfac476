/**
 * Project files, read off the main thread: JSON text → `loadProject` (migrations, schema) → the project plus
 * what the app needs to draw each inline layer (kind, bbox, count, field names). Refusals keep
 * loadProject's codes (`project.<code>`) so the UI can say exactly why.
 */
import type { FeatureCollection } from 'geojson';
import { loadProject, type BBox, type GeometryKind, type Project } from '../model';
import { BBoxAccumulator, combineKinds, kindOf } from './geometry-kind';

export interface LayerInfo {
  readonly geometryKind: GeometryKind;
  readonly bbox: BBox | null;
  readonly featureCount: number;
  readonly fieldNames: readonly string[];
}

export interface ProjectRead {
  readonly project: Project;
  readonly migratedFrom?: number;
  /** By layer id, for layers held in the file (demo layers are references). */
  readonly layers: Readonly<Record<string, LayerInfo>>;
}

export type ProjectReadResult = { ok: true; value: ProjectRead } | { ok: false; error: { code: string; params: Record<string, string> } };

export function describeFeatures(fc: FeatureCollection): LayerInfo {
  const acc = new BBoxAccumulator();
  const fields = new Set<string>();
  let kind: GeometryKind | undefined;
  for (const f of fc.features) {
    if (f.geometry) {
      kind = combineKinds(kind, kindOf(f.geometry));
      acc.addFeature(f);
    }
    for (const k of Object.keys(f.properties ?? {})) fields.add(k);
  }
  return { geometryKind: kind ?? 'none', bbox: acc.bbox, featureCount: fc.features.length, fieldNames: [...fields] };
}

export function readProjectBytes(bytes: Uint8Array, fileName: string): ProjectReadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
  } catch (e) {
    return { ok: false, error: { code: 'project.not-json', params: { file: fileName, detail: String((e as Error)?.message ?? e).slice(0, 160) } } };
  }
  const r = loadProject(raw);
  if (!r.ok) return { ok: false, error: { code: `project.${r.code}`, params: { file: fileName, detail: r.detail } } };
  const layers: Record<string, LayerInfo> = {};
  try {
    for (const l of r.project.layers) {
      if (l.source.kind === 'inline') layers[l.id] = describeFeatures(l.source.data as FeatureCollection);
    }
  } catch {
    // The schema lets geometry through unchecked; a geometry we cannot walk makes the file invalid.
    return { ok: false, error: { code: 'project.invalid', params: { file: fileName, detail: 'layers: a feature has an unreadable geometry' } } };
  }
  return { ok: true, value: { project: r.project, ...(r.migratedFrom !== undefined ? { migratedFrom: r.migratedFrom } : {}), layers } };
}
