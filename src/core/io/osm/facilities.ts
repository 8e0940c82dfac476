/** Facilities by category (the editable tag mapping), polygons kept as polygons with their area. */
import { area, centroid } from '@turf/turf';
import type { Feature } from 'geojson';
import { matchCategory, type OsmCategoryRule } from './category-mapping';
import { schoolLevels } from './school-level';
import { collectPlaces } from './area-features';
import type { OsmStore } from './osm-store';
import { nameZh, parseIntTag } from './tags';
import type { WarningBag } from './warnings';

export function buildFacilities(store: OsmStore, mapping: readonly OsmCategoryRule[], warnings: WarningBag): Feature[] {
  const out: Feature[] = [];
  const places = collectPlaces(store, (t) => matchCategory(t, mapping) !== undefined, warnings);
  for (const place of places) {
    const t = place.tags;
    const m = matchCategory(t, mapping);
    if (!m) continue;
    const base: Record<string, string | number | boolean> = { osm_id: place.osmId, osm_tag: m.tag };
    if (t['name']) base['name'] = t['name'];
    const nz = nameZh(t);
    if (nz) base['name_zh'] = nz;
    const capacity = parseIntTag(t['capacity']);
    if (capacity !== undefined) base['capacity'] = capacity;
    let geometry = place.geometry;
    if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') base['area_m2'] = Math.round(area(geometry) * 10) / 10;
    // A facility drawn as an open line (a fence, a path) is placed at the line's centroid.
    else if (geometry.type === 'LineString') geometry = centroid(geometry).geometry;
    if (m.rule.refine === 'school_level') {
      const s = schoolLevels(t);
      s.levels.forEach((category, i) => {
        const props: Record<string, string | number | boolean> = { ...base, category, category_rule: s.rule, category_uncertain: s.rule === 'none' };
        // A school teaching both levels (e.g. a nine-year school) serves both catchments: one feature each.
        if (i > 0) props['id'] = `${place.osmId}/${category}`;
        out.push({ type: 'Feature', geometry, properties: props });
      });
    } else out.push({ type: 'Feature', geometry, properties: { ...base, category: m.rule.category } });
  }
  return out;
}
