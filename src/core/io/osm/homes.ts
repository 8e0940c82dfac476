/**
 * Homes: the buildings the rule in home-rule.ts admits. Land use is tested at the building's centre of mass
 * (Flatbush index over the landuse=residential polygons, then an exact point-in-polygon test); the footprint
 * is the geodesic area of the outline. `residential_rule` says which rule admitted each home; the counts of
 * buildings kept and left out, by reason, go into the import report.
 */
import Flatbush from 'flatbush';
import { area, bbox as turfBbox, booleanPointInPolygon, centerOfMass } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { collectPlaces, type PlaceObject } from './area-features';
import { classifyBuilding, MIN_HOME_FOOTPRINT_M2, taggedLevels } from './home-rule';
import type { OsmStore } from './osm-store';
import type { WarningBag } from './warnings';

export interface HomeCounts {
  buildings: number;
  homes: number;
  building_type: number;
  building_use: number;
  in_residential_landuse: number;
  too_small: number;
  non_residential: number;
  outside_residential_landuse: number;
}

const isArea = (g: PlaceObject['geometry']): g is Polygon | MultiPolygon => g.type === 'Polygon' || g.type === 'MultiPolygon';

function residentialLanduseIndex(store: OsmStore, warnings: WarningBag) {
  const polys = collectPlaces(store, (t) => t['landuse'] === 'residential', warnings, false)
    .map((p) => p.geometry)
    .filter(isArea);
  if (polys.length === 0) return () => false;
  const index = new Flatbush(polys.length);
  for (const g of polys) {
    const [x0, y0, x1, y1] = turfBbox(g);
    index.add(x0, y0, x1, y1);
  }
  index.finish();
  return (pt: [number, number]) => index.search(pt[0], pt[1], pt[0], pt[1]).some((i) => booleanPointInPolygon(pt, polys[i]));
}

export function buildHomes(store: OsmStore, warnings: WarningBag): { homes: Feature[]; counts: HomeCounts } {
  const inResidential = residentialLanduseIndex(store, warnings);
  const counts: HomeCounts = {
    buildings: 0, homes: 0, building_type: 0, building_use: 0, in_residential_landuse: 0, too_small: 0, non_residential: 0, outside_residential_landuse: 0,
  };
  const out: Feature[] = [];
  const buildings = collectPlaces(store, (t) => t['building'] !== undefined && t['building'] !== 'no', warnings, false);
  for (const b of buildings) {
    if (!isArea(b.geometry)) continue; // an open building outline is a mapping error, not a building
    counts.buildings++;
    const verdict = classifyBuilding(b.tags);
    if (verdict.home === false) {
      counts.non_residential++;
      continue;
    }
    const footprint = area(b.geometry);
    let rule: 'building_type' | 'building_use' | 'in_residential_landuse';
    if (verdict.home === true) rule = verdict.rule;
    else if (inResidential(centerOfMass(b.geometry).geometry.coordinates as [number, number])) rule = 'in_residential_landuse';
    else {
      counts.outside_residential_landuse++;
      continue;
    }
    if (footprint < MIN_HOME_FOOTPRINT_M2) {
      counts.too_small++;
      continue;
    }
    counts[rule]++;
    counts.homes++;
    const props: Record<string, string | number> = { osm_id: b.osmId, building: b.tags['building'], residential_rule: rule };
    props['footprint_m2'] = Math.round(footprint * 10) / 10;
    const levels = taggedLevels(b.tags);
    if (levels !== undefined) props['levels'] = levels;
    if (b.tags['name']) props['name'] = b.tags['name'];
    out.push({ type: 'Feature', geometry: b.geometry, properties: props });
  }
  return { homes: out, counts };
}
