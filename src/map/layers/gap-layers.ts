/**
 * deck.gl layers of the rules view: units of the chosen scale coloured child-friendly or not, the selected
 * unit outlined, the uncovered homes of the selected gap, and suggested sites numbered. Pure: state in,
 * layers out, stable ids; drawn under the labels.
 */
import { GeoJsonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Feature } from 'geojson';
import { featureId } from '../../core/model';
import type { AppState } from '../../state';
import { GAP_COLORS } from './gap-colors';
import { LABEL_ANCHOR } from './maplibre-layers';

type Rgba = [number, number, number, number];
// Interleaved overlays take beforeId (MapLibreOverlay); the layer prop types do not list it.
const UNDER_LABELS = { beforeId: LABEL_ANCHOR } as const;
const rgba = (c: readonly number[], a: number): Rgba => [c[0]!, c[1]!, c[2]!, a];

export type GapLayerInput = Pick<AppState, 'rules' | 'doc' | 'layerData'>;

// Layer data is derived once per (result, features, scale): a new array on every rebuild would make deck.gl
// re-tessellate every unit polygon and re-upload its buffers on each gap click or language switch.
const derived = new WeakMap<object, Map<string, { readonly from: unknown; readonly value: unknown }>>();
function memo<T>(owner: object, key: string, from: unknown, build: () => T): T {
  let m = derived.get(owner);
  if (!m) derived.set(owner, (m = new Map()));
  const hit = m.get(key);
  if (hit && hit.from === from) return hit.value as T;
  const value = build();
  m.set(key, { from, value });
  return value;
}

export function buildGapLayers(s: GapLayerInput): Layer[] {
  const { result, mapScale, selectedGap, selectedUnit, suggestions } = s.rules;
  if (!result) return [];
  const out: Layer[] = [];
  const unitLayer = s.doc.layers.find((l) => l.role === mapScale && s.layerData[l.id]);
  const fc = unitLayer && s.layerData[unitLayer.id]?.data;
  if (fc) {
    const friendly = memo(result, `friendly|${mapScale}`, null, () => new Map(result.evaluation.scorecards.filter((c) => c.level === mapScale).map((c) => [c.unit_id, c.assessed ? c.childFriendly : undefined])));
    out.push(new GeoJsonLayer({
      id: 'cfc-gap-units',
      data: memo(result, `units|${mapScale}`, fc, () => fc.features.map((f, i) => ({ ...f, properties: { ...f.properties, __cf: friendly.get(featureId(f.properties, i, f.id)) } }))),
      ...UNDER_LABELS,
      filled: true,
      stroked: true,
      lineWidthUnits: 'pixels',
      material: false,
      getFillColor: (f: Feature) => {
        const cf = f.properties?.['__cf'] as boolean | undefined;
        return rgba(cf === undefined ? GAP_COLORS.notEvaluated : cf ? GAP_COLORS.friendly : GAP_COLORS.notFriendly, 70);
      },
      getLineColor: (f: Feature) => {
        const cf = f.properties?.['__cf'] as boolean | undefined;
        return rgba(cf === undefined ? GAP_COLORS.notEvaluated : cf ? GAP_COLORS.friendly : GAP_COLORS.notFriendly, 220);
      },
      getLineWidth: 1.5,
      updateTriggers: { getFillColor: [result, mapScale], getLineColor: [result, mapScale] },
    }));
  }
  const sel = selectedUnit && result.evaluation.scorecards.find((c) => c.level === selectedUnit.level && c.unit_index === selectedUnit.index);
  const selLayer = sel && s.doc.layers.find((l) => l.role === sel.level && s.layerData[l.id]);
  const selFeature = selLayer && s.layerData[selLayer.id]?.data.features.find((f, i) => featureId(f.properties, i, f.id) === sel.unit_id);
  if (selFeature) {
    out.push(new GeoJsonLayer({
      id: 'cfc-gap-selected-unit', data: memo(selFeature, 'one', null, () => [selFeature]), ...UNDER_LABELS, filled: false, stroked: true,
      lineWidthUnits: 'pixels', getLineColor: rgba(GAP_COLORS.selected, 255), getLineWidth: 3,
    }));
  }
  const gap = selectedGap && result.evaluation.records.find((r) => r.rule_id === selectedGap.ruleId && r.scale === selectedGap.level && r.unit_index === selectedGap.index);
  if (gap && gap.uncovered_homes.length > 0) {
    const homes = memo(gap, 'homes', null, () => Array.from(gap.uncovered_homes));
    out.push(new ScatterplotLayer<number>({
      id: 'cfc-gap-uncovered', data: homes, ...UNDER_LABELS,
      getPosition: (h) => [result.homeLng[h]!, result.homeLat[h]!],
      radiusUnits: 'pixels', getRadius: 5, stroked: true, lineWidthUnits: 'pixels', getLineWidth: 1,
      getFillColor: rgba(GAP_COLORS.uncovered, 235), getLineColor: [255, 255, 255, 255],
      updateTriggers: { getPosition: [result] },
    }));
  }
  if (suggestions && suggestions.result.sites.length > 0) {
    const sites = memo(suggestions.result, 'sites', null, () => suggestions.result.sites.map((site, i) => ({ position: [site.lng, site.lat] as [number, number], label: String(i + 1) })));
    out.push(new ScatterplotLayer<(typeof sites)[number]>({
      id: 'cfc-gap-sites', data: sites, ...UNDER_LABELS, getPosition: (d) => d.position,
      radiusUnits: 'pixels', getRadius: 11, stroked: true, lineWidthUnits: 'pixels', getLineWidth: 2,
      getFillColor: rgba(GAP_COLORS.site, 230), getLineColor: [255, 255, 255, 255],
    }));
    out.push(new TextLayer<(typeof sites)[number]>({
      id: 'cfc-gap-site-labels', data: sites, ...UNDER_LABELS, getPosition: (d) => d.position, getText: (d) => d.label,
      getSize: 13, getColor: [255, 255, 255, 255], fontWeight: 700, getTextAnchor: 'middle', getAlignmentBaseline: 'center',
    }));
  }
  return out;
}

/** True when nothing the rules overlay draws has changed (job progress alone does not redraw the map). */
export function sameGapLayers(a: AppState['rules'], b: AppState['rules']): boolean {
  return a.result === b.result && a.mapScale === b.mapScale && a.selectedGap === b.selectedGap
    && a.selectedUnit === b.selectedUnit && a.suggestions === b.suggestions;
}
