/** Which objects' tags the readers keep: everything some layer (streets, crossings, facilities, homes, units) reads. */
import { mappingKeys, type OsmCategoryRule } from './category-mapping';
import type { Tags } from './osm-store';

export interface OsmInterest {
  node(tags: Tags): boolean;
  way(tags: Tags): boolean;
  relation(tags: Tags): boolean;
}

const NODE_KEYS = ['highway', 'crossing'];

export function interestFor(mapping: readonly OsmCategoryRule[]): OsmInterest {
  const facilityKeys = mappingKeys(mapping);
  const nodeKeys = [...NODE_KEYS, ...facilityKeys];
  const areaish = (t: Tags) => t['building'] !== undefined || t['landuse'] === 'residential' || facilityKeys.some((k) => t[k] !== undefined);
  return {
    node: (t) => nodeKeys.some((k) => t[k] !== undefined),
    way: (t) => t['highway'] !== undefined || areaish(t),
    relation: (t) =>
      (t['type'] === 'boundary' || t['type'] === 'multipolygon') && (t['boundary'] === 'administrative' || areaish(t)),
  };
}
