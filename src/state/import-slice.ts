/**
 * The import flow around `loadFiles`: OpenStreetMap files wait for the options step (admin levels, child
 * estimate), other files load at once and then open the field-mapping dialog; fixes offered by load
 * warnings are applied in the io worker on request (never silently) and can be reverted; project files
 * save and open (project-io.ts).
 */
import type { AdminLevelMapping } from '../core/io/osm/admin-levels';
import type { OsmCategoryRule } from '../core/io/osm/category-mapping';
import { DEFAULT_CHILD_ESTIMATE, type ChildEstimateConfig } from '../core/io/osm/estimate-children';
import { isOsmName, lowerName } from '../core/io/sniff-format';
import type { BBox, LoadedLayer } from '../core/model';
import type { LayerFix, LoadOptions, LoadSource } from '../protocol/io-api';
import { openProject, projectJson } from './project-io';
import type { SliceCreator } from './slice';
import type { LayerData, Services } from './types';

export interface OsmUiOptions {
  readonly adminLevels: AdminLevelMapping | 'auto';
  readonly estimateChildren: boolean;
  readonly estimate: ChildEstimateConfig;
  /** Which tags make which facility category; absent = the importer's default mapping. */
  readonly categoryMapping?: readonly OsmCategoryRule[];
}

export const DEFAULT_OSM_UI_OPTIONS: OsmUiOptions = { adminLevels: 'auto', estimateChildren: true, estimate: DEFAULT_CHILD_ESTIMATE };

export interface ImportSlice {
  readonly osmOptions: OsmUiOptions;
  /** OSM files waiting for the user to confirm the import options. */
  readonly pendingOsm: readonly LoadSource[] | null;
  /** Layers the pending OSM import replaces (the demo's, when the user chose "replace"). */
  readonly pendingReplace: readonly string[];
  /** Layers whose field-mapping dialog is due; the first one is open. */
  readonly mappingQueue: readonly string[];
  /** The layer whose validation report is open. */
  readonly reportLayerId: string | null;
  /** Per layer, its data before each accepted fix (newest last), for Revert. */
  readonly fixHistory: Readonly<Record<string, readonly LayerData[]>>;
  /** Layer ids with a fix running. */
  readonly fixing: readonly string[];
  /** Loads files; layers named in `replace` leave in the same step as the new ones arrive. */
  importFiles(sources: readonly LoadSource[], replace?: readonly string[]): Promise<string[]>;
  setOsmOptions(options: OsmUiOptions): void;
  confirmOsm(): Promise<string[]>;
  cancelOsm(): void;
  openMapping(layerId: string): void;
  closeMapping(): void;
  openReport(layerId: string | null): void;
  applyFix(layerId: string, fix: LayerFix): Promise<boolean>;
  revertFix(layerId: string): void;
  projectJson(): string;
  openProject(source: LoadSource): Promise<boolean>;
}

const union = (boxes: readonly (BBox | null)[]): BBox | undefined => {
  const bs = boxes.filter((b): b is BBox => !!b);
  if (!bs.length) return undefined;
  return [Math.min(...bs.map((b) => b[0])), Math.min(...bs.map((b) => b[1])), Math.max(...bs.map((b) => b[2])), Math.max(...bs.map((b) => b[3]))];
};

/** Only a box in degrees can be shown (a layer with swapped axes has latitudes beyond ±90). */
const showable = (b: BBox | null): b is BBox => !!b && b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90;

/** Only FlatGeobuf has an index to read a box through; other formats ignore the view-only choice. */
export const isFgbName = (name: string) => /\.fgb$/.test(lowerName(name));

/** Reader options for one file: the reference area for coordinate checks, the view box for FlatGeobuf. */
export function loadOptionsFor(fileName: string, referenceBbox: BBox | undefined, viewBox: BBox | null): LoadOptions {
  return {
    ...(referenceBbox ? { referenceBbox } : {}),
    ...(viewBox && isFgbName(fileName) ? { bbox: viewBox } : {}),
  };
}

const asLoaded = (name: string, d: LayerData): LoadedLayer => ({
  name, fileName: d.fileName, data: d.data, geometryKind: d.geometryKind, bbox: d.bbox, featureCount: d.featureCount,
  fieldNames: d.fieldNames, roleGuess: d.roleGuess, warnings: d.warnings,
});

export const createImportSlice = (services: Services): SliceCreator<ImportSlice> => (set, get) => {
  /** The area of what is loaded: a new layer that only overlaps it with swapped axes gets the swap offer. */
  const referenceBbox = () => union(get().doc.layers.map((l) => get().layerData[l.id]?.bbox ?? null));

  const setData = (id: string, d: LayerData) => set((s) => ({ layerData: { ...s.layerData, [id]: d } }));

  return {
    osmOptions: DEFAULT_OSM_UI_OPTIONS,
    pendingOsm: null,
    pendingReplace: [],
    mappingQueue: [],
    reportLayerId: null,
    fixHistory: {},
    fixing: [],
    async importFiles(sources, replace = []) {
      const osm = sources.filter((s) => isOsmName(s.fileName));
      const other = sources.filter((s) => !isOsmName(s.fileName));
      if (osm.length) set((s) => ({ pendingOsm: [...(s.pendingOsm ?? []), ...osm], pendingReplace: [...s.pendingReplace, ...replace] }));
      if (!other.length) return [];
      const ref = referenceBbox();
      const { loadViewOnly, viewBounds } = get();
      const viewBox = loadViewOnly ? viewBounds : null;
      const ids = await get().loadFiles(other.map((source) => {
        const options = loadOptionsFor(source.fileName, ref, viewBox);
        return { source, ...(Object.keys(options).length ? { options } : {}) };
      }), 'record', replace);
      if (ids.length) set((s) => ({ mappingQueue: [...s.mappingQueue, ...ids] }));
      return ids;
    },
    setOsmOptions: (osmOptions) => set({ osmOptions }),
    async confirmOsm() {
      const files = get().pendingOsm ?? [];
      const o = get().osmOptions;
      const replace = get().pendingReplace;
      set({ pendingOsm: null, pendingReplace: [] });
      const osm = { adminLevels: o.adminLevels, estimateChildren: o.estimateChildren ? o.estimate : false, ...(o.categoryMapping ? { categoryMapping: o.categoryMapping } : {}) };
      const ids = await get().loadFiles(files.map((source) => ({ source, options: { osm } })), 'record', replace);
      // A city extract is somewhere else: show it.
      const box = union(ids.map((id) => get().layerData[id]?.bbox ?? null));
      if (showable(box ?? null)) get().requestBounds(box!);
      return ids;
    },
    cancelOsm: () => set({ pendingOsm: null, pendingReplace: [] }),
    openMapping: (id) => set((s) => ({ mappingQueue: [id, ...s.mappingQueue.filter((x) => x !== id)] })),
    closeMapping: () => set((s) => ({ mappingQueue: s.mappingQueue.slice(1) })),
    openReport: (reportLayerId) => set({ reportLayerId }),
    async applyFix(id, fix) {
      const before = get().layerData[id];
      const layer = get().doc.layers.find((l) => l.id === id);
      if (!before || !layer || !services.io.fix || get().fixing.includes(id)) return false;
      set((s) => ({ fixing: [...s.fixing, id] }));
      try {
        const r = await services.io.fix(asLoaded(layer.name, before), fix, get().osmOptions.estimate);
        if (!r.ok) {
          get().reportError(before.fileName, r.error);
          return false;
        }
        const v = r.value;
        setData(id, { ...before, data: v.data, bbox: v.bbox, featureCount: v.featureCount, fieldNames: v.fieldNames, warnings: v.warnings });
        set((s) => ({ fixHistory: { ...s.fixHistory, [id]: [...(s.fixHistory[id] ?? []), before] } }));
        if (showable(v.bbox) && fix !== 'estimate-children') get().requestBounds(v.bbox);
        return true;
      } catch (e) {
        get().reportError(before.fileName, { code: 'worker-failed', params: { message: e instanceof Error ? e.message : String(e) } });
        return false;
      } finally {
        set((s) => ({ fixing: s.fixing.filter((x) => x !== id) }));
      }
    },
    revertFix(id) {
      const stack = get().fixHistory[id];
      const prev = stack?.[stack.length - 1];
      if (!prev) return;
      setData(id, prev);
      set((s) => ({ fixHistory: { ...s.fixHistory, [id]: stack.slice(0, -1) } }));
      if (showable(prev.bbox)) get().requestBounds(prev.bbox);
    },
    projectJson: () => projectJson(get()),
    openProject: (source) => openProject(services, get, set, source),
  };
};
