/**
 * deck.gl layers of the safe-routes view: walkable streets coloured by PLTS 1–4, crossing vertices by
 * their PLTS with a ring for their control, the selected home's shortest route (grey) under its safe route
 * (green), and the hotspot the user picked. Pure: state in, layers out, stable ids; under the labels.
 */
import { LineLayer, PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Position } from 'geojson';
import type { AppState } from '../../state';
import { analysisPlan } from '../../state/analysis-plan';
import { LABEL_ANCHOR } from './maplibre-layers';

type Rgba = [number, number, number, number];
const UNDER_LABELS = { beforeId: LABEL_ANCHOR } as const;

/** PLTS 1..4: green, yellow-green, orange, red (index 0: not rated). */
export const PLTS_COLORS: readonly (readonly [number, number, number])[] = [[150, 150, 150], [26, 150, 65], [166, 217, 106], [253, 174, 97], [215, 25, 28]];
/** Ring colour of a crossing by control (CONTROLS order: signals, marked, unmarked, grade_separated). */
export const CONTROL_COLORS: readonly (readonly [number, number, number])[] = [[37, 99, 235], [255, 255, 255], [40, 40, 40], [124, 58, 237]];

const rgba = (c: readonly number[], a: number): Rgba => [c[0]!, c[1]!, c[2]!, a];

export type SafetyLayerInput = Pick<AppState, 'safety' | 'doc' | 'layerData'>;

interface StreetPath { readonly path: Position[]; readonly plts: number }

const pathsMemo = new WeakMap<object, StreetPath[]>();
/** One path per line part of every rated street, in the order the analysis merged the streets layers. */
function streetPaths(s: SafetyLayerInput): StreetPath[] {
  const r = s.safety.result!;
  const hit = pathsMemo.get(r);
  if (hit) return hit;
  const features = analysisPlan(s).streets.flatMap((l) => s.layerData[l.id]?.data.features ?? []);
  const out: StreetPath[] = [];
  features.forEach((f, i) => {
    const plts = r.street.plts[i] ?? 0;
    if (plts === 0) return;
    const g = f.geometry;
    const parts = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : [];
    for (const path of parts) out.push({ path, plts });
  });
  pathsMemo.set(r, out);
  return out;
}

interface Seg { readonly from: [number, number]; readonly to: [number, number] }
const segsMemo = new WeakMap<Float64Array, Seg[]>();
function segments(lines: Float64Array): Seg[] {
  let out = segsMemo.get(lines);
  if (!out) {
    out = [];
    for (let k = 0; k + 3 < lines.length; k += 4) out.push({ from: [lines[k]!, lines[k + 1]!], to: [lines[k + 2]!, lines[k + 3]!] });
    segsMemo.set(lines, out);
  }
  return out;
}

export function buildSafetyLayers(s: SafetyLayerInput, show: boolean): Layer[] {
  const r = s.safety.result;
  if (!r || !show) return [];
  const out: Layer[] = [
    new PathLayer<StreetPath>({
      id: 'cfc-safety-streets', data: streetPaths(s), ...UNDER_LABELS, getPath: (d) => d.path as [number, number][],
      getColor: (d) => rgba(PLTS_COLORS[d.plts]!, 230), getWidth: (d) => (d.plts >= 3 ? 4 : 2.5), widthUnits: 'pixels',
      // Square ends: round caps cost a third of this layer's software-rendering time per frame (bench frame-cost).
      capRounded: false,
    }),
  ];
  const cp = r.crossingPoints;
  out.push(new ScatterplotLayer<number>({
    id: 'cfc-safety-crossings', data: { length: cp.lng.length }, ...UNDER_LABELS,
    getPosition: (_: unknown, { index }: { index: number }) => [cp.lng[index]!, cp.lat[index]!],
    getFillColor: (_: unknown, { index }: { index: number }) => rgba(PLTS_COLORS[cp.plts[index]!]!, 240),
    getLineColor: (_: unknown, { index }: { index: number }) => rgba(CONTROL_COLORS[cp.control[index]!]!, 255),
    radiusUnits: 'pixels', getRadius: 3.5, stroked: true, lineWidthUnits: 'pixels', getLineWidth: 1.5, radiusMinPixels: 2,
  } as never));
  const d = s.safety.detail?.routes;
  if (d) {
    out.push(new LineLayer<Seg>({
      id: 'cfc-safety-shortest', data: segments(d.shortest.lines), ...UNDER_LABELS, getSourcePosition: (x) => x.from, getTargetPosition: (x) => x.to,
      getColor: [90, 90, 90, 220], getWidth: 9, widthUnits: 'pixels',
    }));
    out.push(new LineLayer<Seg>({
      id: 'cfc-safety-route', data: segments(d.safe.lines), ...UNDER_LABELS, getSourcePosition: (x) => x.from, getTargetPosition: (x) => x.to,
      getColor: [16, 122, 52, 255], getWidth: 5, widthUnits: 'pixels',
    }));
    const crossings = d.safe.crossings;
    out.push(new ScatterplotLayer<(typeof crossings)[number]>({
      id: 'cfc-safety-route-crossings', data: crossings, ...UNDER_LABELS, getPosition: (c) => [c.lng, c.lat],
      getFillColor: (c) => rgba(PLTS_COLORS[c.plts]!, 255), getLineColor: [0, 0, 0, 255], radiusUnits: 'pixels', getRadius: 7,
      stroked: true, lineWidthUnits: 'pixels', getLineWidth: 2,
    }));
  }
  return out;
}

/** True when nothing the safe-routes overlay draws has changed. */
export function sameSafetyLayers(a: AppState['safety'], b: AppState['safety']): boolean {
  return a.result === b.result && a.detail === b.detail;
}
