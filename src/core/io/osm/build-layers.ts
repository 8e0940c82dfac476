/** From a sealed store to the layers, in a fixed order, each with its own warnings. */
import type { LoadedLayer } from '../../model';
import { buildBoundaries } from './boundaries';
import { DEFAULT_OSM_CATEGORY_MAPPING } from './category-mapping';
import { DEFAULT_CHILD_ESTIMATE, estimateHome } from './estimate-children';
import { buildFacilities } from './facilities';
import { buildHomes } from './homes';
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
  add('facilities', { role: 'facilities', features: buildFacilities(store, options.categoryMapping ?? DEFAULT_OSM_CATEGORY_MAPPING, fw), warnings: fw.list() });

  await step('progress.osm.homes', 0.45);
  const hw = new WarningBag();
  let homes = buildHomes(store, hw);
  const est = options.estimateChildren ?? true;
  if (est !== false) {
    const cfg = { ...DEFAULT_CHILD_ESTIMATE, ...(est === true ? {} : est) };
    homes = homes.map((f) => estimateHome(f, cfg));
  }
  add('homes', { role: 'homes', features: homes, warnings: hw.list() });

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
  return layers;
}
