/**
 * Project files. Save: the document (layers, settings, scenarios, the user's rule sets) with every inline
 * layer's current features (after any accepted fix) and demo layers as references. Open: read, parsed
 * and validated in the io worker as a job with progress and Cancel (size limit, migrations, each feature
 * checked like a loaded file's, rule sets validated); a refusal is reported naming the file and leaves
 * the current project untouched. Opening is one undo step, so the previous project comes back with Undo.
 */
import type { FeatureCollection } from 'geojson';
import type { LoadWarning, Project, ProjectLayer } from '../core/model';
import type { LoadSource, ProjectRead } from '../protocol/io-api';
import { defineAction } from './actions/define';
import { savedData, withholdOnLoad } from './personal-fields';
import { PERSONAL_WARNINGS } from '../core/io/personal-fields';
import type { AppState, LayerData, Services } from './types';

type InlineData = Extract<ProjectLayer['source'], { kind: 'inline' }>['data'];


export const openProjectAction = defineAction('project.open', (_doc: Project, { project }: { project: Project }) => project);

/** The project file's JSON text; each layer carries its current load warnings, so Open shows them again. */
export function projectJson(s: Pick<AppState, 'doc' | 'layerData'> & { readonly sketch?: { readonly features: readonly unknown[] } }): string {
  const layers = s.doc.layers.map((l): ProjectLayer => {
    const d = s.layerData[l.id];
    const { warnings: _stale, ...layer } = l;
    // A file never holds personal fields, so "kept for this session" is saved as what the file says: dropped.
    const saved = d?.warnings.map((w) => (w.code === PERSONAL_WARNINGS.kept ? { ...w, code: PERSONAL_WARNINGS.dropped } : w));
    const warnings = saved?.length ? { warnings: saved.map(copyWarning) } : {};
    // Personal fields of layers about children are never saved, even when kept for the session.
    return l.source.kind === 'inline' && d ? { ...layer, source: { kind: 'inline', data: savedData(l.role, d) as InlineData }, ...warnings } : { ...layer, ...warnings };
  });
  // The sketch's features ride along when there are any (the optional `sketch` field).
  const sketch = s.sketch?.features.length ? { sketch: s.sketch.features } : {};
  return JSON.stringify({ ...s.doc, layers, ...sketch }, null, 1);
}

const copyWarning = (w: LoadWarning): NonNullable<ProjectLayer['warnings']>[number] => ({
  code: w.code,
  count: w.count,
  ...(w.params ? { params: { ...w.params } } : {}),
  ...(w.examples ? { examples: [...w.examples] } : {}),
});

/** The data of a demo layer the session already holds (the demo loads at start; entries outlive removal). */
function demoData(s: AppState, file: string): LayerData | undefined {
  const docs = [s.doc, ...s.history.past.map((h) => h.doc), ...s.history.future.map((h) => h.doc)];
  for (const d of docs) {
    for (const l of d.layers) if (l.source.kind === 'demo' && l.source.file === file && s.layerData[l.id]) return s.layerData[l.id];
  }
  return undefined;
}

/** Layer ids already used for other data in this session get a suffix, so undo can still reach them. */
function freeId(id: string, taken: Readonly<Record<string, unknown>>, used: Set<string>): string {
  let out = id;
  for (let k = 2; out in taken || used.has(out); k++) out = `${id}-${k}`;
  used.add(out);
  return out;
}

export async function openProject(
  services: Services,
  get: () => AppState,
  set: (fn: (s: AppState) => Partial<AppState>) => void,
  source: LoadSource,
): Promise<boolean> {
  const fileName = source.fileName;
  const fail = (code: string, params: Record<string, string> = {}) => {
    get().reportError(fileName, { code, params: { file: fileName, ...params } });
    return false;
  };
  if (!services.io.readProject) return fail('project.unsupported');
  // A job like a file load: the jobs bar shows its progress and its Cancel reaches the io worker.
  const read = await get().runJob<ProjectRead>({
    kind: 'project', label: fileName, worker: 'io', stage: 'progress.project.read',
    run: ({ jobId, onProgress }) => services.io.readProject!(jobId, source, onProgress),
  });
  if (!read.ok && read.error.code === 'cancelled') return false;
  if (!read.ok) return fail(read.error.code, Object.fromEntries(Object.entries(read.error.params ?? {}).map(([k, v]) => [k, String(v)])));
  const { project: read0, layers: info }: ProjectRead = read.value;
  // Sketch features go to the sketch's Y.Doc (sanitised there); the document never holds them.
  const { sketch: sketchFeatures, ...project } = read0;

  const s = get();
  const data: Record<string, LayerData> = {};
  const used = new Set<string>();
  const layers: ProjectLayer[] = [];
  for (const l of project.layers) {
    const id = freeId(l.id, s.layerData, used);
    if (l.source.kind === 'demo') {
      const demo = demoData(s, l.source.file);
      if (!demo) return fail('project.demo-missing', { layer: l.name, demo: l.source.file });
      data[id] = demo;
    } else {
      const meta = info[l.id];
      // A project from elsewhere may carry personal fields: withheld like a loaded file's.
      data[id] = withholdOnLoad({
        fileName: l.name,
        data: l.source.data as FeatureCollection,
        geometryKind: meta?.geometryKind ?? 'mixed',
        bbox: meta?.bbox ?? null,
        featureCount: meta?.featureCount ?? l.source.data.features.length,
        fieldNames: meta?.fieldNames ?? [],
        warnings: [...(meta?.warnings ?? l.warnings ?? [])],
        roleGuess: l.role,
      }, l.role);
    }
    // Warnings belong with the layer's data (a fix changes them), not in the edited document.
    const { warnings: _saved, ...layer } = l;
    const source = data[id].withheld ? { source: { kind: 'inline' as const, data: data[id].data as InlineData } } : {};
    layers.push({ ...layer, id, ...source });
  }
  set((st) => ({ layerData: { ...st.layerData, ...data }, selection: null }));
  // The demo notice describes the demo city; an opened project without demo layers is not it.
  if (!project.layers.some((l) => l.source.kind === 'demo')) get().setDemo(null);
  get().commit(openProjectAction, { project: { ...project, layers } });
  if (sketchFeatures?.length) get().mergeSketchFeatures(sketchFeatures);
  get().clearResults();
  get().markSaved();
  // Only boxes in degrees: a layer saved with swapped axes must not throw the camera off the globe.
  const boxes = Object.values(data).map((d) => d.bbox).filter((b): b is NonNullable<typeof b> => !!b && b[1] >= -90 && b[3] <= 90 && b[0] >= -180 && b[2] <= 180);
  if (boxes.length) {
    get().requestBounds([
      Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])),
      Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3])),
    ]);
  }
  return true;
}
