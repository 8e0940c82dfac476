/** From a sealed store to the layers, in a fixed order, each with its own warnings. */
import type { LoadedLayer } from '../../model';
import { buildBoundaries } from './boundaries';
import { DEFAULT_OSM_CATEGORY_MAPPING } from './category-mapping';
import { buildFacilities } from './facilities';
import { buildHomesLayer } from './homes-layer';
import { facilityCounts } from './facility-counts';
import { makeLayer } from './layer';
import type { OsmImportOptions } from './options';
import type { OsmStore } from './osm-store';
import { buildCrossings, buildStreets } from './streets';
import { WarningBag } from './warnings';

type Step = (stage: string, fraction: number) => Promise<void>;

export async function buildLayers(store: OsmStore, fileName: string, options: OsmImportOptions, step: Step): Promise<LoadedLayer[]> {
  const layers: LoadedLayer[] = [];
  const add = (key: string, spec: Omit<Parameters<typeof makeLayer>[0], 'name' | 'fileName'>) => {
    if (spec.features.length) layers.push(makeLayer({ ...spec, name: `${fileName} / ${key}`, fileName }));
  };

  await step('progress.osm.streets', 0);
  const sw = new WarningBag();
  add('streets', { role: 'streets', features: buildStreets(store, sw), warnings: sw.list() });
  add('crossings', { role: 'crossings', features: buildCrossings(store) });

  await step('progress.osm.facilities', 0.25);
  const fw = new WarningBag();
  const facilities = buildFacilities(store, options.categoryMapping ?? DEFAULT_OSM_CATEGORY_MAPPING, fw);
  add('facilities', { role: 'facilities', features: facilities, warnings: [...facilityCounts(facilities), ...fw.list()] });

  await step('progress.osm.homes', 0.45);
  const homes = buildHomesLayer(store, options);
  add('homes', { role: 'homes', features: homes.features, warnings: homes.warnings });

  await step('progress.osm.boundaries', 0.8);
  const bw = new WarningBag();
  const { byLevel } = buildBoundaries(store, options.adminLevels ?? 'auto', bw);
  const boundaryWarnings = bw.list();
  for (const [level, features] of byLevel) add(`units_${level}`, { role: level, features, warnings: boundaryWarnings });
  // No boundary assembled: its warnings would vanish with the unit layers never made, so the first layer
  // carries them (an extract cut through its admin relations is common, and the user must learn why).
  if (byLevel.size === 0 && boundaryWarnings.length && layers.length) {
    layers[0] = { ...layers[0], warnings: [...layers[0].warnings, ...boundaryWarnings] };
  }
  // Nodes off the globe belong to no layer; the first one tells (ways through them are counted missing).
  const bad = store.badNodes;
  if (bad.count && layers.length) {
    const w = { code: 'osm.node_bad_coordinates', count: bad.count, params: { osm_ids: bad.ids.join(', ') } };
    layers[0] = { ...layers[0], warnings: [...layers[0].warnings, w] };
  }
  return layers;
}
