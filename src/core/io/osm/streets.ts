/** Streets (every highway way as a LineString, closed area=yes ways left out) and crossing points. */
import type { Feature } from 'geojson';
import type { OsmStore, Tags } from './osm-store';
import { isClosedRing, wayCoords } from './geometry';
import { nameZh, parseIntTag, parseMaxspeed, sidewalkOf } from './tags';
import { isCrossingNode, readCrossing } from './crossings';
import type { WarningBag } from './warnings';

/** Tags copied as they are (schema: OSM tag names as attributes). */
const RAW_KEYS = ['highway', 'name', 'foot', 'access', 'bridge', 'tunnel', 'oneway', 'lit', 'area', 'surface', 'service', 'footway'] as const;

function streetProps(id: number, t: Tags): Record<string, string | number> {
  const p: Record<string, string | number> = { osm_id: `w${id}` };
  for (const k of RAW_KEYS) if (t[k] !== undefined) p[k] = t[k];
  const nz = nameZh(t);
  if (nz) p['name_zh'] = nz;
  const sidewalk = sidewalkOf(t);
  if (sidewalk) p['sidewalk'] = sidewalk;
  const maxspeed = parseMaxspeed(t['maxspeed']);
  if (maxspeed !== undefined) p['maxspeed'] = maxspeed;
  const lanes = parseIntTag(t['lanes']);
  if (lanes !== undefined) p['lanes'] = lanes;
  const layer = parseIntTag(t['layer']);
  if (layer !== undefined) p['layer'] = layer;
  return p;
}

export function buildStreets(store: OsmStore, warnings: WarningBag): Feature[] {
  const out: Feature[] = [];
  for (const w of store.taggedWays) {
    const t = w.tags;
    if (t['highway'] === undefined) continue;
    const nodes = store.wayNodes(w.index);
    // A closed area=yes highway is a square or a platform, not a line to walk along (access contract).
    if (t['area'] === 'yes' && isClosedRing(nodes)) continue;
    const coords = wayCoords(store, w.index);
    if (!coords) {
      warnings.add('osm.way_missing_nodes', `w${w.id}`);
      continue;
    }
    out.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: coords }, properties: streetProps(w.id, t) });
  }
  return out;
}

export function buildCrossings(store: OsmStore): Feature[] {
  const out: Feature[] = [];
  for (const n of store.taggedNodes) {
    if (!isCrossingNode(n.tags)) continue;
    const c = readCrossing(n.tags);
    if (!c) continue;
    const p: Record<string, string | number | boolean> = { osm_id: `n${n.id}`, crossing: c.value };
    const raw = n.tags['crossing'] ?? n.tags['highway'];
    if (raw) p['crossing_osm'] = raw;
    if (c.uncertain) p['crossing_uncertain'] = true;
    if (n.tags['name']) p['name'] = n.tags['name'];
    out.push({ type: 'Feature', geometry: { type: 'Point', coordinates: store.lngLat(n.index) }, properties: p });
  }
  return out;
}
