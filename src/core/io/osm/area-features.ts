/**
 * Geometry for objects that stand for a place (facilities, buildings, land use): a node is a point, a closed
 * way a polygon, a multipolygon relation its assembled (multi)polygon, an open way (rare) a LineString.
 */
import type { Geometry } from 'geojson';
import type { KeptRelation, OsmStore, Tags, TaggedNode, TaggedWay } from './osm-store';
import { isClosedRing, orient, wayCoords } from './geometry';
import { assembleRelation } from './rings';
import type { WarningBag } from './warnings';

export interface PlaceObject {
  readonly osmId: string;
  readonly tags: Tags;
  readonly geometry: Geometry;
}

export function nodePlace(store: OsmStore, n: TaggedNode): PlaceObject {
  return { osmId: `n${n.id}`, tags: n.tags, geometry: { type: 'Point', coordinates: store.lngLat(n.index) } };
}

export function wayPlace(store: OsmStore, w: TaggedWay, warnings: WarningBag): PlaceObject | undefined {
  const coords = wayCoords(store, w.index);
  if (!coords) {
    warnings.add('osm.way_missing_nodes', `w${w.id}`);
    return undefined;
  }
  const closed = isClosedRing(store.wayNodes(w.index));
  const geometry: Geometry = closed ? { type: 'Polygon', coordinates: [orient(coords, true)] } : { type: 'LineString', coordinates: coords };
  return { osmId: `w${w.id}`, tags: w.tags, geometry };
}

export function relationPlace(store: OsmStore, r: KeptRelation, warnings: WarningBag): PlaceObject | undefined {
  if (r.tags['type'] !== 'multipolygon') return undefined;
  const res = assembleRelation(store, r);
  if (!res.ok) {
    warnings.add(`osm.multipolygon_${res.reason}`, `r${r.id}`);
    return undefined;
  }
  if (res.orphanHoles) warnings.add('osm.multipolygon_orphan_inner', `r${r.id}`);
  return { osmId: `r${r.id}`, tags: r.tags, geometry: res.geometry };
}

/** Every node, way and multipolygon relation whose tags pass `keep`, as places. */
export function collectPlaces(store: OsmStore, keep: (t: Tags) => boolean, warnings: WarningBag, nodes = true): PlaceObject[] {
  const out: PlaceObject[] = [];
  if (nodes) for (const n of store.taggedNodes) if (keep(n.tags)) out.push(nodePlace(store, n));
  for (const w of store.taggedWays) {
    if (!keep(w.tags)) continue;
    const p = wayPlace(store, w, warnings);
    if (p) out.push(p);
  }
  for (const r of store.relations) {
    if (!keep(r.tags)) continue;
    const p = relationPlace(store, r, warnings);
    if (p) out.push(p);
  }
  return out;
}
