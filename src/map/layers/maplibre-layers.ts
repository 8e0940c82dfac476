/**
 * MapLibre style layers for the basemap drawn from loaded layers: unit boundaries (fill + line + label by
 * level) and streets (lines by highway class + labels). Pure: (layers, data, language) => style model.
 * Labels go above every other layer, after LABEL_ANCHOR, so deck.gl overlays never hide them.
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { ProjectLayer, UnitLevel } from '../../core/model';
import type { Language, LayerData } from '../../state';
import { css, type Rgb } from '../colors';
import { drawKind } from '../draw-kind';
import { HIGHWAY_STYLES } from '../highway-style';
import { labelPoints } from './label-points';
import { streetLabelLines } from './street-label-lines';
import { LABEL_FONT, labelText } from './labels';

export const LABEL_ANCHOR = 'cfc-labels-anchor';
export const sourceId = (layerId: string) => `src:${layerId}`;
export const labelSourceId = (layerId: string) => `lbl:${layerId}`;
export const projectLayerIdOf = (styleLayerId: string) => styleLayerId.slice(0, styleLayerId.lastIndexOf(':'));

export interface StyleInput {
  readonly layers: readonly ProjectLayer[];
  readonly data: Readonly<Record<string, LayerData>>;
  readonly language: Language;
}

export interface StyleModel {
  readonly sources: readonly { readonly id: string; readonly data: FeatureCollection }[];
  /** Non-label layers in draw order, then LABEL_ANCHOR, then labels. */
  readonly layers: readonly LayerSpecification[];
  /** Per project layer: its first (lowest) non-label style layer, for deck.gl `beforeId`. */
  readonly firstStyleLayer: Readonly<Record<string, string>>;
}

const UNIT_STYLE: Record<UnitLevel, { line: number; text: number; fill: number; dash?: number[] }> = {
  city: { line: 3.5, text: 18, fill: 0.03 },
  district: { line: 2.5, text: 16, fill: 0.05 },
  street: { line: 1.6, text: 13, fill: 0.06, dash: [3, 2] },
  community: { line: 1, text: 11, fill: 0.08, dash: [2, 2] },
};

const LABEL_RANK: Partial<Record<string, number>> = { streets: 0, community: 1, street: 2, district: 3, city: 4 };

const HALO = { 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 };

function highwayColor(): ExpressionSpecification {
  const pairs = Object.entries(HIGHWAY_STYLES).flatMap(([k, s]) => [k, css(s.color)]);
  return ['match', ['get', 'highway'], ...pairs, css(HIGHWAY_STYLES.road.color)] as unknown as ExpressionSpecification;
}

function highwayWidth(scale: number): ExpressionSpecification {
  const pairs = Object.entries(HIGHWAY_STYLES).flatMap(([k, s]) => [k, s.width * scale]);
  return ['match', ['get', 'highway'], ...pairs, HIGHWAY_STYLES.road.width * scale] as unknown as ExpressionSpecification;
}

function unitLayers(l: ProjectLayer, color: Rgb, lang: Language) {
  const st = UNIT_STYLE[l.role as UnitLevel];
  const source = sourceId(l.id);
  const visibility = l.visible ? 'visible' : 'none';
  const body: LayerSpecification[] = [
    { id: `${l.id}:fill`, type: 'fill', source, layout: { visibility }, paint: { 'fill-color': css(color), 'fill-opacity': st.fill * l.opacity } },
    {
      id: `${l.id}:line`, type: 'line', source, layout: { visibility, 'line-join': 'round' },
      paint: { 'line-color': css(color), 'line-width': st.line, 'line-opacity': l.opacity, ...(st.dash ? { 'line-dasharray': st.dash } : {}) },
    },
  ];
  const label: LayerSpecification = {
    id: `${l.id}:label`, type: 'symbol', source: labelSourceId(l.id),
    layout: { visibility, 'text-field': labelText(lang), 'text-font': LABEL_FONT, 'text-size': st.text, 'text-max-width': 8 },
    paint: { 'text-color': css(color.map((c) => Math.round(c * 0.6)) as unknown as Rgb), 'text-opacity': l.opacity, ...HALO },
  };
  return { body, label };
}

function streetLayers(l: ProjectLayer, lang: Language) {
  const source = sourceId(l.id);
  const visibility = l.visible ? 'visible' : 'none';
  const width: ExpressionSpecification = ['interpolate', ['exponential', 1.6], ['zoom'], 12, highwayWidth(0.3), 16, highwayWidth(1), 19, highwayWidth(3)];
  const body: LayerSpecification[] = [
    {
      id: `${l.id}:line`, type: 'line', source, layout: { visibility, 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': highwayColor(), 'line-width': width, 'line-opacity': l.opacity },
    },
  ];
  const label: LayerSpecification = {
    id: `${l.id}:label`, type: 'symbol', source: labelSourceId(l.id), minzoom: 14,
    layout: { visibility, 'symbol-placement': 'line', 'text-field': labelText(lang), 'text-font': LABEL_FONT, 'text-size': 11 },
    paint: { 'text-color': '#333', 'text-opacity': l.opacity, ...HALO },
  };
  return { body, label };
}

export function buildStyleModel({ layers, data, language }: StyleInput): StyleModel {
  const sources: { id: string; data: FeatureCollection }[] = [];
  const body: LayerSpecification[] = [];
  const labels: { rank: number; spec: LayerSpecification }[] = [];
  const firstStyleLayer: Record<string, string> = {};
  for (const l of layers) {
    const d = data[l.id];
    const kind = drawKind(l.role);
    if (!d || (kind !== 'units' && kind !== 'streets')) continue;
    const built = kind === 'units' ? unitLayers(l, (l.color ?? [90, 90, 90]) as Rgb, language) : streetLayers(l, language);
    sources.push({ id: sourceId(l.id), data: d.data });
    sources.push({ id: labelSourceId(l.id), data: kind === 'units' ? labelPoints(d.data) : streetLabelLines(d.data) });
    firstStyleLayer[l.id] = built.body[0].id;
    body.push(...built.body);
    labels.push({ rank: LABEL_RANK[l.role] ?? 0, spec: built.label });
  }
  const anchor: LayerSpecification = { id: LABEL_ANCHOR, type: 'background', layout: { visibility: 'none' } };
  // MapLibre places the top layer's labels first: larger units go on top so their names win collisions.
  const ordered = labels.sort((a, b) => a.rank - b.rank).map((x) => x.spec);
  return { sources, layers: [...body, anchor, ...ordered], firstStyleLayer };
}
