/**
 * The app store: one zustand (vanilla) store from slices. Never imports React; the UI subscribes through
 * src/ui/store-context. Services (workers) are injected, so tests run the same store in-process.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Project } from '../core/model';
import { createAnalysisSlice } from './analysis-slice';
import { createBasemapConsentSlice } from './basemap-consent-slice';
import { createDocumentSlice } from './document-slice';
import { createJobsSlice, type IdFactory } from './jobs-slice';
import { createImportSlice } from './import-slice';
import { createSessionSlice, type SessionInit } from './session-slice';
import { createRulesSlice } from './rules-slice';
import { createProjectSlice } from './project-slice';
import { createSafetySlice } from './safety-slice';
import { createSketchSlice } from './sketch-slice';
import { createRunsSlice } from './runs-slice';
import { createWallSlice } from './wall-slice';
import type { AppState, Services } from './types';

export type AppStore = StoreApi<AppState>;

export interface StoreInit {
  readonly project?: Project;
  readonly session?: SessionInit;
}

export function createAppStore(services: Services, init: StoreInit = {}): AppStore {
  let n = 0;
  const store: AppStore = createStore<AppState>()((set, get) => ({
    ...createDocumentSlice(init.project)(set, get),
    layerData: {},
    ...createSessionSlice(init.session)(set, get),
    ...createJobsSlice(services, newId)(set, get),
    ...createImportSlice(services)(set, get),
    ...createRulesSlice(services)(set, get),
    ...createAnalysisSlice(services)(set, get),
    ...createProjectSlice()(set, get),
    ...createBasemapConsentSlice()(set, get),
    ...createSafetySlice(services)(set, get),
    ...createSketchSlice()(set, get),
    ...createRunsSlice()(set, get),
    ...createWallSlice(services)(set, get),
  }));
  // Ids never repeat within a session, and skip any a loaded project already uses.
  function newId(prefix: Parameters<IdFactory>[0]): string {
    const { doc, layerData } = store.getState();
    let id: string;
    do id = `${prefix}-${++n}`;
    while (doc.layers.some((l) => l.id === id) || id in layerData);
    return id;
  }
  return store;
}
