/**
 * From a sealed store to the layers, each with its own warnings, returned in a fixed order (streets,
 * crossings, facilities, homes, units). They are built largest first, and between two layers the store keeps
 * only what the layers still to come read (OsmStore.retain), so the decoded data shrinks while the GeoJSON
 * grows: the import's peak is about its output, not output plus the whole store (tests/bench/RESULTS.md).
 */
import type { Feature } from 'geojson';
import type { LoadWarning, LoadedLayer, UnitLevel } from '../../model';
import { buildBoundaries } from './boundaries';
import { DEFAULT_OSM_CATEGORY_MAPPING, matchCategory } from './category-mapping';
import { buildFacilities } from './facilities';
import { buildHomesLayer } from './homes-layer';
import { facilityCounts } from './facility-counts';
import { makeLayer } from './layer';
import type { OsmImportOptions } from './options';
import type { OsmStore, Tags } from './osm-store';
import { buildCrossings, buildStreets } from './streets';
import { WarningBag } from './warnings';

type Step = (stage: string, fraction: number) => Promise<void>;

const isStreet = (t: Tags) => t['highway'] !== undefined;
const isBoundary = (t: Tags) => t['boundary'] === 'administrative';
const all = () => true;
const none = () => false;

export async function buildLayers(store: OsmStore, fileName: string, options: OsmImportOptions, step: Step): Promise<LoadedLayer[]> {
  const mapping = options.categoryMapping ?? DEFAULT_OSM_CATEGORY_MAPPING;
  const isFacility = (t: Tags) => matchCategory(t, mapping) !== undefined;
  const made = new Map<string, LoadedLayer>();
  const add = (key: string, spec: Omit<Parameters<typeof makeLayer>[0], 'name' | 'fileName'>) => {
    if (spec.features.length) made.set(key, makeLayer({ ...spec, name: `${fileName} / ${key}`, fileName }));
  };

  await step('progress.osm.homes', 0);
  const homes = buildHomesLayer(store, options);
  add('homes', { role: 'homes', features: homes.features, warnings: homes.warnings });
  store.retain({ node: all, way: (t) => isStreet(t) || isFacility(t), relation: (t) => isBoundary(t) || isFacility(t) });

  await step('progress.osm.facilities', 0.55);
  const fw = new WarningBag();
  const facilities = buildFacilities(store, mapping, fw);
  add('facilities', { role: 'facilities', features: facilities, warnings: [...facilityCounts(facilities), ...fw.list()] });
  store.retain({ node: all, way: isStreet, relation: isBoundary });

  await step('progress.osm.streets', 0.65);
  const sw = new WarningBag();
  add('streets', { role: 'streets', features: buildStreets(store, sw), warnings: sw.list() });
  add('crossings', { role: 'crossings', features: buildCrossings(store) });
  store.retain({ node: none, way: none, relation: isBoundary });

  await step('progress.osm.boundaries', 0.85);
  const bw = new WarningBag();
  const { byLevel } = buildBoundaries(store, options.adminLevels ?? 'auto', bw);
  const bad = store.badNodes;
  store.release();
  const boundaryWarnings = bw.list();
  for (const [level, features] of byLevel) add(`units_${level}`, { role: level, features, warnings: boundaryWarnings });
  const layers = ['streets', 'crossings', 'facilities', 'homes', ...[...byLevel.keys()].map((l) => `units_${l}`)].flatMap((k) => made.get(k) ?? []);
  return withFileWarnings(layers, byLevel, boundaryWarnings, bad);
}

/** Warnings about the file rather than one layer go to the first layer. */
function withFileWarnings(
  layers: LoadedLayer[],
  byLevel: ReadonlyMap<UnitLevel, Feature[]>,
  boundaryWarnings: readonly LoadWarning[],
  bad: { readonly count: number; readonly ids: readonly string[] },
): LoadedLayer[] {
  // No boundary assembled: its warnings would vanish with the unit layers never made, so the first layer
  // carries them (an extract cut through its admin relations is common, and the user must learn why).
  if (byLevel.size === 0 && boundaryWarnings.length && layers.length) {
    layers[0] = { ...layers[0], warnings: [...layers[0].warnings, ...boundaryWarnings] };
  }
  // Nodes off the globe belong to no layer; the first one tells (ways through them are counted missing).
  if (bad.count && layers.length) {
    const w = { code: 'osm.node_bad_coordinates', count: bad.count, params: { osm_ids: bad.ids.join(', ') } };
    layers[0] = { ...layers[0], warnings: [...layers[0].warnings, w] };
  }
  return layers;
}
