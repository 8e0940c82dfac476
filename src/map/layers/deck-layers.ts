/**
 * deck.gl layers for the large overlays (homes by child count, facilities by category, crossings, anything
 * else). Pure: state in, Layer[] out, rebuilt on every change with stable ids (the project layer id) and
 * updateTriggers so deck.gl only recomputes what changed. `beforeId` interleaves each one into MapLibre's
 * stack at its place in the layer order.
 */
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Feature } from 'geojson';
import { BUILTIN_CATEGORIES, readFacility, readHome, totalChildren, type ProjectLayer } from '../../core/model';
import type { LayerData } from '../../state';
import { childRampColor, type Rgb } from '../colors';
import { drawKind, engineOf } from '../draw-kind';
import { LABEL_ANCHOR } from './maplibre-layers';

const CATEGORY_COLOR = new Map(BUILTIN_CATEGORIES.map((c) => [c.id, c.color]));

export interface DeckInput {
  readonly layers: readonly ProjectLayer[];
  readonly data: Readonly<Record<string, LayerData>>;
  /** From the style model: each MapLibre-drawn layer's lowest style layer. */
  readonly firstStyleLayer: Readonly<Record<string, string>>;
  /** The feature the inspector shows, outlined on top of everything but labels. */
  readonly selected?: Feature;
}

type Rgba = [number, number, number, number];
const rgba = (c: Rgb, a = 255): Rgba => [c[0], c[1], c[2], a];

export function facilityColor(f: Feature, layer: ProjectLayer): Rgb {
  const cat = readFacility(f.properties, layer.category).category;
  return (cat && CATEGORY_COLOR.get(cat)) || ((layer.color ?? [220, 60, 120]) as Rgb);
}

/** The MapLibre layer the deck layer at `index` must be drawn below: the next MapLibre-drawn layer up. */
function beforeIdFor(index: number, input: DeckInput): string {
  for (let j = index + 1; j < input.layers.length; j++) {
    const id = input.firstStyleLayer[input.layers[j].id];
    if (id) return id;
  }
  return LABEL_ANCHOR;
}

export function buildDeckLayers(input: DeckInput): Layer[] {
  const out: Layer[] = [];
  input.layers.forEach((l, i) => {
    const d = input.data[l.id];
    const kind = drawKind(l.role);
    if (!d || engineOf(kind) !== 'deck') return;
    const color = (l.color ?? [0, 140, 200]) as Rgb;
    const common = {
      id: l.id,
      data: d.data,
      visible: l.visible,
      opacity: l.opacity,
      pickable: false, // picking is done on the CPU (src/map/pick.ts); deck would GPU-pick on every pointer move
      beforeId: beforeIdFor(i, input),
      lineWidthUnits: 'pixels' as const,
      pointRadiusUnits: 'pixels' as const,
      pointType: 'circle',
      material: false, // flat 2D fills: skipping the lighting shaders saves seconds of compile on software WebGL
    };
    if (kind === 'homes') {
      out.push(new GeoJsonLayer({
        ...common,
        stroked: true,
        getLineColor: [120, 100, 90, 140],
        getLineWidth: 0.5,
        getPointRadius: 4,
        getFillColor: (f: Feature) => rgba(childRampColor(totalChildren(readHome(f.properties).children)), 230),
        // Buildings get no outline (points keep their ring): a 0.5 px outline does not show at city zoom, and
        // its path layer cost 1.3–2.2 s of software rendering per frame on the demo's 8,100 buildings
        // (tests/bench/frame-cost.bench.ts measures it), 4× what all other layers cost together.
        _subLayerProps: { 'polygons-stroke': { visible: false } },
      }));
    } else if (kind === 'facilities') {
      out.push(new GeoJsonLayer({
        ...common,
        stroked: true,
        getLineColor: [255, 255, 255, 255],
        getLineWidth: 1.5,
        getPointRadius: 7,
        getFillColor: (f: Feature) => rgba(facilityColor(f, l), f.geometry?.type === 'Point' ? 255 : 150),
        updateTriggers: { getFillColor: [l.category, color.join()] },
      }));
    } else {
      const small = kind === 'crossings';
      out.push(new GeoJsonLayer({
        ...common,
        stroked: !small, // crossings are many and small: a plain dot reads better than a ring
        getLineColor: rgba(color),
        getLineWidth: 2,
        getPointRadius: small ? 2.5 : 5,
        getFillColor: rgba(color, small ? 200 : 110),
        updateTriggers: { getFillColor: [color.join()], getLineColor: [color.join()] },
      }));
    }
  });
  if (input.selected) {
    out.push(new GeoJsonLayer({
      id: 'cfc-selection',
      data: [input.selected],
      beforeId: LABEL_ANCHOR,
      filled: false,
      stroked: true,
      lineWidthUnits: 'pixels',
      pointRadiusUnits: 'pixels',
      pointType: 'circle',
      getLineColor: [0, 110, 255, 255],
      getLineWidth: 3,
      getPointRadius: 10,
    }));
  }
  return out;
}
