/**
 * What a layer's legend shows, as data: swatches with i18n keys (or literal text for user categories).
 * Derived from the same palettes the map layers draw with, so legend and map cannot disagree.
 */
import type { FeatureCollection } from 'geojson';
import { BUILTIN_CATEGORIES, readFacility, readStreet, type ProjectLayer } from '../core/model';
import type { LayerData } from '../state';
import { CHILD_RAMP, type Rgb } from './colors';
import { drawKind } from './draw-kind';
import { HIGHWAY_LEGEND_ORDER, HIGHWAY_STYLES, legendClass } from './highway-style';

export interface LegendEntry {
  readonly color: Rgb;
  /** i18n key with params, or `text` for names that come from the data. */
  readonly key?: string;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly text?: string;
  readonly shape: 'fill' | 'line' | 'dot';
}

const categoriesSeen = new WeakMap<FeatureCollection, Map<string, number>>();
const classesSeen = new WeakMap<FeatureCollection, Set<string>>();

function countBy<T>(cache: WeakMap<FeatureCollection, T>, fc: FeatureCollection, build: () => T): T {
  let v = cache.get(fc);
  if (!v) cache.set(fc, (v = build()));
  return v;
}

export function legendFor(layer: ProjectLayer, data: LayerData | undefined): LegendEntry[] {
  const color = (layer.color ?? [90, 90, 90]) as Rgb;
  const kind = drawKind(layer.role);
  if (!data) return [];
  if (kind === 'units') return [{ color, key: `role.${layer.role}`, shape: 'line' }];
  if (kind === 'streets') {
    const seen = countBy(classesSeen, data.data, () => new Set(data.data.features.map((f) => legendClass(readStreet(f.properties).highway))));
    return HIGHWAY_LEGEND_ORDER.filter((c) => seen.has(c)).map((c) => ({ color: HIGHWAY_STYLES[c].color, key: `highway.${c}`, shape: 'line' }));
  }
  if (kind === 'homes') {
    return CHILD_RAMP.map((step, i): LegendEntry => {
      const next = CHILD_RAMP[i + 1];
      if (step.min === 0 && next?.min === 1) return { color: step.color, key: 'legend.childNone', shape: 'fill' };
      return next
        ? { color: step.color, key: 'legend.childRange', params: { min: step.min, max: next.min - 1 }, shape: 'fill' }
        : { color: step.color, key: 'legend.childMin', params: { min: step.min }, shape: 'fill' };
    });
  }
  if (kind === 'facilities') {
    const counts = countBy(categoriesSeen, data.data, () => {
      const m = new Map<string, number>();
      for (const f of data.data.features) {
        const c = readFacility(f.properties).category ?? '';
        m.set(c, (m.get(c) ?? 0) + 1);
      }
      return m;
    });
    const out: LegendEntry[] = [];
    for (const cat of BUILTIN_CATEGORIES) {
      const n = counts.get(cat.id) ?? 0;
      if (n > 0 || layer.category === cat.id) out.push({ color: cat.color, key: cat.labelKey, shape: 'dot' });
    }
    const unknown = [...counts.keys()].filter((c) => !BUILTIN_CATEGORIES.some((b) => b.id === c));
    for (const c of unknown) {
      if (c === '' && layer.category) continue;
      out.push(c === '' ? { color, key: 'legend.noCategory', shape: 'dot' } : { color, text: c, shape: 'dot' });
    }
    return out;
  }
  return [{ color, key: 'legend.features', shape: kind === 'crossings' ? 'dot' : 'fill' }];
}
