import type { BBox } from '../core/model';
import type { SliceCreator } from './slice';
import type { Language, SessionSlice, View } from './types';

export interface SessionInit {
  readonly language?: Language;
  readonly view?: View | null;
}

export const createSessionSlice = (init: SessionInit = {}): SliceCreator<SessionSlice> => {
  let seq = 0;
  let takeOver: (() => void) | undefined;
  return (set, get) => ({
    view: init.view ?? null,
    cameraRequest: init.view ? { kind: 'view', view: init.view, seq: ++seq } : null,
    selection: null,
    language: init.language ?? 'en',
    openPanel: 'layers',
    demo: null,
    viewBounds: null,
    loadViewOnly: false,
    autosaveTab: null,
    setView: (view, bounds) => set(bounds ? { view, viewBounds: lonLatBox(bounds) } : { view }),
    setViewBounds: (bounds) => set({ viewBounds: lonLatBox(bounds) }),
    setLoadViewOnly: (loadViewOnly) => set({ loadViewOnly }),
    zoomToLayer(layerId) {
      const bbox = get().layerData[layerId]?.bbox;
      if (bbox) set({ cameraRequest: { kind: 'bbox', bbox, seq: ++seq } });
    },
    requestView: (view) => set({ cameraRequest: { kind: 'view', view, seq: ++seq } }),
    requestBounds: (bbox) => set({ cameraRequest: { kind: 'bbox', bbox, seq: ++seq } }),
    select: (selection) => set({ selection }),
    setLanguage: (language) => set({ language }),
    setOpenPanel: (openPanel) => set({ openPanel }),
    setDemo: (demo) => set({ demo }),
    setAutosaveTab(autosaveTab, fn) {
      if (fn) takeOver = fn;
      set({ autosaveTab });
    },
    takeOverAutosave: () => takeOver?.(),
  });
};

/**
 * A map's visible bounds as a box readers can use: longitudes are clamped to ±180 and latitudes to ±90.
 * A view wider than the world becomes the whole world; of a view across the antimeridian only the part
 * on this side of it remains.
 */
export function lonLatBox([w, s, e, n]: BBox): BBox {
  if (e - w >= 360) return [-180, Math.max(-90, s), 180, Math.min(90, n)];
  return [Math.max(-180, w), Math.max(-90, s), Math.min(180, e), Math.min(90, n)];
}
