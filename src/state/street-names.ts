/**
 * Street names in the UI's language, read as the map labels them (map/layers/labels.ts: Chinese takes
 * `name_zh`, then `name:zh`, then `name`; English takes `name`, then `name:en`, then `name_zh`; `ref` last).
 * The safe-route hotspots carry the streets' `name` tag (the core reads tags, not languages): the panel and
 * the gap report show them through here, so a Chinese page lists 云田4大道 where the map says 云田4大道.
 * Memoised on the streets the analysis used: a hotspot list of ten rows does not walk a million features ten times.
 */
import type { Feature } from 'geojson';
import { analysisPlan } from './analysis-plan';
import type { AppState, Language } from './types';

interface StreetIndex {
  readonly features: readonly Feature[];
  /** `name` → the Chinese name its streets carry (the first one found). */
  readonly zhByName: ReadonlyMap<string, string>;
}

let memo: { readonly layers: AppState['doc']['layers']; readonly data: AppState['layerData']; readonly index: StreetIndex } | null = null;

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The analysis's streets, in the order the safety core numbered its ways, with a name → Chinese name table. */
export function streetIndex(s: Pick<AppState, 'doc' | 'layerData'>): StreetIndex {
  if (memo && memo.layers === s.doc.layers && memo.data === s.layerData) return memo.index;
  const features = analysisPlan(s).streets.flatMap((l) => s.layerData[l.id]?.data.features ?? []);
  const zhByName = new Map<string, string>();
  for (const f of features) {
    const name = text(f.properties?.['name']);
    const zh = text(f.properties?.['name_zh']) || text(f.properties?.['name:zh']);
    if (name && zh && !zhByName.has(name)) zhByName.set(name, zh);
  }
  const index = { features, zhByName };
  memo = { layers: s.doc.layers, data: s.layerData, index };
  return index;
}

/** A way's name in `lang` ('' when it has none). */
export function localWayName(s: Pick<AppState, 'doc' | 'layerData'>, way: number, lang: Language): string {
  const p = streetIndex(s).features[way]?.properties;
  if (!p) return '';
  const keys = lang === 'zh' ? ['name_zh', 'name:zh', 'name', 'name:en', 'ref'] : ['name', 'name:en', 'name_zh', 'name:zh', 'ref'];
  for (const k of keys) if (text(p[k])) return text(p[k]);
  return '';
}

/** A road named by its `name` tag (as a crossing hotspot lists it), in `lang`. */
export function localRoadName(s: Pick<AppState, 'doc' | 'layerData'>, name: string, lang: Language): string {
  return lang === 'zh' ? streetIndex(s).zhByName.get(name) ?? name : name;
}
