/**
 * Homes: buildings whose type is residential, or any other non-specific building whose centroid lies in
 * landuse=residential (Flatbush index over the land-use polygons, then an exact point-in-polygon test).
 * `residential_rule` says which rule admitted each home.
 */
import Flatbush from 'flatbush';
import { area, bbox as turfBbox, booleanPointInPolygon, centerOfMass } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { collectPlaces, type PlaceObject } from './area-features';
import type { OsmStore } from './osm-store';
import { parseNumberTag } from './tags';
import type { WarningBag } from './warnings';

export const RESIDENTIAL_BUILDINGS: readonly string[] = ['residential', 'apartments', 'house', 'detached', 'terrace', 'semidetached_house', 'dormitory'];

/** Building values that say the building is something other than a home; never admitted by land use. */
export const NON_RESIDENTIAL_BUILDINGS: readonly string[] = [
  'commercial', 'industrial', 'retail', 'office', 'warehouse', 'supermarket', 'kiosk', 'hotel', 'church', 'chapel',
  'cathedral', 'mosque', 'temple', 'synagogue', 'shrine', 'religious', 'school', 'kindergarten', 'university', 'college',
  'hospital', 'civic', 'public', 'government', 'fire_station', 'train_station', 'transportation', 'garage', 'garages',
  'carport', 'parking', 'shed', 'hut', 'cabin', 'roof', 'barn', 'cowshed', 'stable', 'farm_auxiliary', 'greenhouse',
  'service', 'transformer_tower', 'water_tower', 'toilets', 'sports_hall', 'stadium', 'grandstand', 'pavilion',
  'bunker', 'ruins', 'construction', 'bridge', 'tower', 'boathouse', 'no',
];

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

export function buildHomes(store: OsmStore, warnings: WarningBag): Feature[] {
  const nonResidential = new Set(NON_RESIDENTIAL_BUILDINGS);
  const residentialType = new Set(RESIDENTIAL_BUILDINGS);
  const inResidential = residentialLanduseIndex(store, warnings);
  const out: Feature[] = [];
  const buildings = collectPlaces(store, (t) => t['building'] !== undefined && !nonResidential.has(t['building']), warnings, false);
  for (const b of buildings) {
    if (!isArea(b.geometry)) continue; // an open building outline is a mapping error, not a home
    const type = b.tags['building'];
    let rule: string;
    if (residentialType.has(type)) rule = 'building_type';
    else if (inResidential(centerOfMass(b.geometry).geometry.coordinates as [number, number])) rule = 'in_residential_landuse';
    else continue;
    const props: Record<string, string | number> = { osm_id: b.osmId, building: type, residential_rule: rule };
    props['footprint_m2'] = Math.round(area(b.geometry) * 10) / 10;
    const levels = parseNumberTag(b.tags['building:levels']);
    if (levels !== undefined && levels > 0) props['levels'] = levels;
    if (b.tags['name']) props['name'] = b.tags['name'];
    out.push({ type: 'Feature', geometry: b.geometry, properties: props });
  }
  return out;
}
