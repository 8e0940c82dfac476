/**
 * Homes: the buildings the rule in home-rule.ts admits. Land use is tested at the building's centre of mass
 * (Flatbush index over the landuse=residential polygons, then an exact point-in-polygon test); the footprint
 * is the geodesic area of the outline. `residential_rule` says which rule admitted each home; the counts of
 * buildings kept and left out, by reason, go into the import report. A building the tags already rule out
 * gets no geometry at all (most of a town's buildings are sheds, shops and garages: no temporary outlines).
 */
import Flatbush from 'flatbush';
import { area, bbox as turfBbox, booleanPointInPolygon, centerOfMass } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { collectPlaces, relationPlace, type PlaceObject } from './area-features';
import { isClosedRing, isComplete, orient, wayCoords } from './geometry';
import { classifyBuilding, MIN_HOME_FOOTPRINT_M2, taggedLevels } from './home-rule';
import type { OsmStore, Tags } from './osm-store';
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

const isBuilding = (t: Tags) => t['building'] !== undefined && t['building'] !== 'no';

export function buildHomes(store: OsmStore, warnings: WarningBag): { homes: Feature[]; counts: HomeCounts } {
  const inResidential = residentialLanduseIndex(store, warnings);
  const counts: HomeCounts = {
    buildings: 0, homes: 0, building_type: 0, building_use: 0, in_residential_landuse: 0, too_small: 0, non_residential: 0, outside_residential_landuse: 0,
  };
  const out: Feature[] = [];
  /** One building outline (an area): counted, ruled on, and kept as a home or not. */
  const consider = (osmId: string, tags: Tags, outline: () => Polygon | MultiPolygon) => {
    counts.buildings++;
    const verdict = classifyBuilding(tags);
    if (verdict.home === false) {
      counts.non_residential++;
      return;
    }
    const geometry = outline();
    const footprint = area(geometry);
    let rule: 'building_type' | 'building_use' | 'in_residential_landuse';
    if (verdict.home === true) rule = verdict.rule;
    else if (inResidential(centerOfMass(geometry).geometry.coordinates as [number, number])) rule = 'in_residential_landuse';
    else {
      counts.outside_residential_landuse++;
      return;
    }
    if (footprint < MIN_HOME_FOOTPRINT_M2) {
      counts.too_small++;
      return;
    }
    counts[rule]++;
    counts.homes++;
    const props: Record<string, string | number> = { osm_id: osmId, building: tags['building'], residential_rule: rule };
    props['footprint_m2'] = Math.round(footprint * 10) / 10;
    const levels = taggedLevels(tags);
    if (levels !== undefined) props['levels'] = levels;
    if (tags['name']) props['name'] = tags['name'];
    out.push({ type: 'Feature', geometry, properties: props });
  };
  // Ways first, then relations (the order of the homes and of the warnings' example ids).
  for (const w of store.taggedWays) {
    if (!isBuilding(w.tags)) continue;
    const nodes = store.wayNodes(w.index);
    if (!isComplete(nodes)) warnings.add('osm.way_missing_nodes', `w${w.id}`);
    // An open building outline is a mapping error, not a building.
    else if (isClosedRing(nodes)) consider(`w${w.id}`, w.tags, () => ({ type: 'Polygon', coordinates: [orient(wayCoords(store, w.index)!, true)] }));
  }
  for (const r of store.relations) {
    if (!isBuilding(r.tags)) continue;
    const p = relationPlace(store, r, warnings);
    if (p && isArea(p.geometry)) consider(p.osmId, p.tags, () => p.geometry as Polygon | MultiPolygon);
  }
  return { homes: out, counts };
}
