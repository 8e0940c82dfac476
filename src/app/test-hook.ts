/**
 * `window.__cfc` for browser tests: `ready` turns true on the first map idle after the demo layers and
 * deck.gl have drawn; the rest reads what the app shows (store summary, renderer state, screen points).
 */
import { pointOnFeature } from '@turf/turf';
import type { Feature } from 'geojson';
import type { MapHandle } from '../map/map-controller';
import type { AppStore } from '../state';
import { addFeature } from '../sketch/sketch-doc';
import type { WorkerFaults } from './create-workers';

export interface LayerSummary {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly visible: boolean;
  readonly featureCount: number;
  /** The lon/lat box the layer was cut to when it was loaded for the map view only. */
  readonly extractBbox?: readonly [number, number, number, number];
  /** What the renderer shows: MapLibre layout visibility or deck.gl `visible`. */
  readonly drawn: { engine: 'maplibre' | 'deck'; visible: boolean } | null;
}

export interface CfcTestHook {
  ready: boolean;
  layers(): LayerSummary[];
  /** Page coordinates of a point inside a feature, or null when off screen. */
  featurePoint(layerId: string, featureIndex: number): [number, number] | null;
  whenDrawn(): Promise<void>;
  /** MapLibre's layer stack, bottom first (deck.gl groups included). */
  styleOrder(): string[];
  /** The MapLibre map itself, for measurements in tests. */
  map(): MapHandle['map'];
  /** Only under `?e2e=1`: terminate, crash or hang the io / analysis worker mid-job. */
  workers?: WorkerFaults;
  /** Only under `?e2e=1` (with the worker faults): adds a sketch feature as this person's edit, as a drawing would; false when refused. */
  sketch?: { add(id: string, kind: string, geometry: unknown, ageBand?: string): boolean };
  /** The safe-routes result as the store holds it: status, the top hotspots, home statuses counted. */
  safety(): { status: string; crossingHotspots: { roads: readonly string[]; weight: number; routes: number; lng: number; lat: number }[]; wayHotspots: number; homesOk: number; homeIdx: (featureIndex: number) => number } | null;
  state(): { language: string; view: unknown; viewBounds: readonly [number, number, number, number] | null; loadViewOnly: boolean; errors: number; jobs: number; selection: unknown };
}

declare global {
  interface Window {
    __cfc?: CfcTestHook;
  }
}

export function installTestHook(store: AppStore, getMap: () => MapHandle, faults?: WorkerFaults): CfcTestHook {
  const hook: CfcTestHook = {
    ready: false,
    ...(faults ? { workers: faults, sketch: {
      add: (id: string, kind: string, geometry: unknown, ageBand?: string) =>
        addFeature(store.getState().sketchDoc(), { id, geometry, properties: { kind, ...(ageBand ? { age_band: ageBand } : {}) } }).ok,
    } } : {}),
    layers: () => {
      const { doc, layerData } = store.getState();
      return doc.layers.map((l) => {
        const d = layerData[l.id];
        return {
          id: l.id,
          name: l.name,
          role: l.role,
          visible: l.visible,
          featureCount: d?.featureCount ?? 0,
          ...(d?.extractBbox ? { extractBbox: d.extractBbox } : {}),
          drawn: getMap().drawnState(l.id),
        };
      });
    },
    featurePoint(layerId, featureIndex) {
      const f = store.getState().layerData[layerId]?.data.features[featureIndex];
      if (!f?.geometry) return null;
      const [lng, lat] = pointOnFeature(f as Feature).geometry.coordinates;
      const handle = getMap();
      const p = handle.map.project([lng, lat]);
      const rect = handle.map.getContainer().getBoundingClientRect();
      if (p.x < 0 || p.y < 0 || p.x > rect.width || p.y > rect.height) return null;
      return [rect.left + p.x, rect.top + p.y];
    },
    whenDrawn: () => getMap().whenDrawn(),
    styleOrder: () => getMap().map.getLayersOrder(),
    map: () => getMap().map,
    safety: () => {
      const s = store.getState();
      const r = s.safety.result;
      const a = s.analysis.result;
      return {
        status: s.safety.status,
        crossingHotspots: (r?.crossingHotspots ?? []).slice(0, 10).map((c) => ({ roads: c.roads, weight: c.weight, routes: c.routes, lng: c.lng, lat: c.lat })),
        wayHotspots: r?.wayHotspots.length ?? 0,
        homesOk: r ? r.homes.status.filter((x) => x === 0).length : 0,
        homeIdx: (featureIndex: number) => (a ? a.homeFeatureIdx.indexOf(featureIndex) : -1),
      };
    },
    state: () => {
      const s = store.getState();
      return { language: s.language, view: s.view, viewBounds: s.viewBounds, loadViewOnly: s.loadViewOnly, errors: s.errors.length, jobs: Object.keys(s.jobs).length, selection: s.selection };
    },
  };
  window.__cfc = hook;
  return hook;
}
