import type { SliceCreator } from './slice';
import type { Language, SessionSlice, View } from './types';

export interface SessionInit {
  readonly language?: Language;
  readonly view?: View | null;
}

export const createSessionSlice = (init: SessionInit = {}): SliceCreator<SessionSlice> => {
  let seq = 0;
  return (set, get) => ({
    view: init.view ?? null,
    cameraRequest: init.view ? { kind: 'view', view: init.view, seq: ++seq } : null,
    selection: null,
    language: init.language ?? 'en',
    openPanel: 'layers',
    demo: null,
    setView: (view) => set({ view }),
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
  });
};
