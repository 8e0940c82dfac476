/**
 * The homes layer: buildings by the home rule, the child estimate (preset resolved where the homes are),
 * scaling to known populations, and the report lines: what the rule kept and left out, the plausibility
 * line and its warnings (measured before scaling, so a wrong estimate still shows).
 */
import type { Feature } from 'geojson';
import type { LoadWarning } from '../../model';
import { centreOf, estimateInto, mergeEstimate, resolveEstimate } from './estimate-children';
import { buildHomes } from './homes';
import { knownAreas, scaleByAreas, scaleInPlace, scaleToPopulation, type ScaledGroup } from './known-population';
import type { OsmImportOptions } from './options';
import type { OsmStore } from './osm-store';
import { plausibilityWarnings, summarizeHomes } from './plausibility';
import { WarningBag } from './warnings';

export function buildHomesLayer(store: OsmStore, options: OsmImportOptions): { features: Feature[]; warnings: LoadWarning[] } {
  const bag = new WarningBag();
  const { homes, counts } = buildHomes(store, bag);
  const info: LoadWarning = { code: 'info.osm.homes', count: counts.homes, params: { ...counts } };
  const est = options.estimateChildren ?? true;
  if (est === false || homes.length === 0) return { features: homes, warnings: [info, ...bag.list()] };
  const cfg = resolveEstimate(mergeEstimate(est === true ? {} : est), centreOf({ type: 'FeatureCollection', features: homes }));
  // The homes are this importer's own new objects: estimated and scaled in place, not copied twice more.
  for (const f of homes) estimateInto(f.properties as Record<string, unknown>, f.geometry, cfg);
  const before = summarizeHomes(homes, cfg.childShare);
  let groups: ScaledGroup[] = [];
  if (cfg.knownPopulation !== undefined && cfg.knownPopulation > 0) {
    groups = [{ ...scaleToPopulation(homes, cfg.knownPopulation, scaleInPlace).group, id: 'import' }];
  } else if (cfg.boundaryPopulation !== false) {
    groups = scaleByAreas(homes, knownAreas(store), scaleInPlace).groups;
  }
  const assumptions: LoadWarning = {
    code: 'info.osm.estimate',
    count: homes.length,
    params: { preset: cfg.preset ?? 'custom', levels: cfg.defaultLevels, floor_area: cfg.floorAreaPerPersonM2 },
  };
  return { features: homes, warnings: [info, assumptions, ...plausibilityWarnings(before, groups), ...bag.list()] };
}
