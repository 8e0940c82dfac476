/**
 * deck.gl layers of the access analysis: coverage choropleth, isochrone street bands, homes coloured by
 * walking distance, snap legs and the explained path. Pure: analysis state in, Layer[] out, with stable
 * ids. Attributes are binary, built once per (result, choice) from the typed arrays and memoised, so a
 * rebuild of the layer list never recomputes them and deck.gl sees the same buffers.
 */
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, LineLayer, PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Feature } from 'geojson';
import { featureId } from '../../core/model';
import { SNAP_LEG_STRIDE, type AccessAnalysisResult } from '../../protocol/analysis-api';
import { unitShares, type AnalysisState, type LayerData } from '../../state';
import type { Rgb } from '../colors';
import {
  BEYOND_COLOR, EXPLAIN_PATH_COLOR, LONG_SNAP_COLOR, LONG_SNAP_M, NOT_CONNECTED_COLOR, SNAP_LEG_COLOR, UNREACHABLE_COLOR,
  bandColor, shareColor,
} from './analysis-colors';
import { LABEL_ANCHOR } from './maplibre-layers';

export interface AnalysisLayerInput {
  readonly analysis: AnalysisState;
  readonly data: Readonly<Record<string, LayerData>>;
}

/** Layer ids, stable across rebuilds (tests read their props through the deck instance). */
export const ANALYSIS_LAYER_IDS = {
  coverage: 'analysis-coverage',
  isochrones: 'analysis-isochrones',
  distance: 'analysis-distance',
  snapLegs: 'analysis-snap-legs',
  notConnected: 'analysis-not-connected',
  explain: 'analysis-explain-path',
} as const;

const cache = new WeakMap<object, Map<string, unknown>>();
function memo<T>(owner: object, key: string, build: () => T): T {
  let m = cache.get(owner);
  if (!m) cache.set(owner, (m = new Map()));
  if (!m.has(key)) m.set(key, build());
  return m.get(key) as T;
}

const put = (out: Uint8Array, i: number, c: Rgb, a = 255) => {
  out[i * 4] = c[0];
  out[i * 4 + 1] = c[1];
  out[i * 4 + 2] = c[2];
  out[i * 4 + 3] = a;
};

function homePositions(r: AccessAnalysisResult): Float32Array {
  return memo(r, 'homePos', () => {
    const p = new Float32Array(r.homeCount * 2);
    for (let i = 0; i < r.homeCount; i++) {
      p[i * 2] = r.homeLng[i];
      p[i * 2 + 1] = r.homeLat[i];
    }
    return p;
  });
}

/** Per home: the band of its walking distance, or the unreachable / not-connected colour. */
export function distanceColors(r: AccessAnalysisResult, category: string): Uint8Array {
  return memo(r, `dist|${category}`, () => {
    const cat = r.categories.find((c) => c.category === category);
    const out = new Uint8Array(r.homeCount * 4);
    const T = r.thresholdsM.length;
    for (let i = 0; i < r.homeCount; i++) {
      const d = cat ? cat.walkingM[i] : Infinity;
      if (r.homeSnapM[i] === Infinity) put(out, i, NOT_CONNECTED_COLOR);
      else if (d === Infinity) put(out, i, UNREACHABLE_COLOR);
      else {
        let k = 0;
        while (k < T && d > r.thresholdsM[k]) k++;
        put(out, i, k < T ? bandColor(k, T) : BEYOND_COLOR);
      }
    }
    return out;
  });
}

function isochroneData(r: AccessAnalysisResult, category: string) {
  return memo(r, `iso|${category}`, () => {
    const iso = r.isochrones.find((x) => x.category === category);
    const n = iso ? iso.pieceThreshold.length : 0;
    const coords = iso ? Float32Array.from(iso.pieceCoords) : new Float32Array(0);
    const colors = new Uint8Array(n * 4);
    for (let i = 0; i < n; i++) put(colors, i, bandColor(iso!.pieceThreshold[i], r.thresholdsM.length), 230);
    return {
      length: n,
      attributes: {
        getSourcePosition: { value: coords, size: 2, stride: 16, offset: 0 },
        getTargetPosition: { value: coords, size: 2, stride: 16, offset: 8 },
        getColor: { value: colors, size: 4, normalized: true },
      },
    };
  });
}

function snapLegData(r: AccessAnalysisResult) {
  return memo(r, 'snap', () => {
    const rows = r.snapLegs.length / SNAP_LEG_STRIDE;
    const legs: number[] = [];
    const colors: number[] = [];
    const loose: number[] = [];
    for (let i = 0; i < rows; i++) {
      const o = i * SNAP_LEG_STRIDE;
      const len = r.snapLegs[o + 4];
      if (!Number.isFinite(len)) {
        loose.push(r.snapLegs[o], r.snapLegs[o + 1]);
        continue;
      }
      legs.push(r.snapLegs[o], r.snapLegs[o + 1], r.snapLegs[o + 2], r.snapLegs[o + 3]);
      const c = len > LONG_SNAP_M ? LONG_SNAP_COLOR : SNAP_LEG_COLOR;
      colors.push(c[0], c[1], c[2], len > LONG_SNAP_M ? 255 : 170);
    }
    const coords = Float32Array.from(legs);
    return {
      legs: {
        length: legs.length / 4,
        attributes: {
          getSourcePosition: { value: coords, size: 2, stride: 16, offset: 0 },
          getTargetPosition: { value: coords, size: 2, stride: 16, offset: 8 },
          getColor: { value: Uint8Array.from(colors), size: 4, normalized: true },
        },
      },
      notConnected: { length: loose.length / 2, attributes: { getPosition: { value: Float32Array.from(loose), size: 2 } } },
    };
  });
}

/** Progress ticks change the analysis state too; only these parts change what is drawn. */
export const sameAnalysisLayers = (a: AnalysisState, b: AnalysisState): boolean =>
  a.result === b.result && a.display === b.display && a.explain === b.explain && a.inputs === b.inputs;

export function buildAnalysisLayers({ analysis, data }: AnalysisLayerInput): Layer[] {
  const r = analysis.result;
  const d = analysis.display;
  if (!r || !d.category) return [];
  const category = d.category;
  const out: Layer[] = [];
  const base = { beforeId: LABEL_ANCHOR, pickable: false };

  const unitLayerId = analysis.inputs?.unitLayerIds[d.level];
  const units = unitLayerId ? data[unitLayerId]?.data : undefined;
  const shares = unitShares(r, d.level, category, d.thresholdIdx, d.ageBand);
  if (units && shares) {
    const key = `${d.level}|${category}|${d.thresholdIdx}|${d.ageBand}`;
    const byId = memo(r, `share|${key}`, () => new Map(shares.map((s) => [s.id, s.share])));
    out.push(new GeoJsonLayer({
      ...base,
      id: ANALYSIS_LAYER_IDS.coverage,
      data: units,
      visible: d.show.coverage,
      filled: true,
      stroked: true,
      material: false,
      lineWidthUnits: 'pixels',
      getLineWidth: 1.5,
      getLineColor: [60, 60, 60, 200],
      getFillColor: (f: Feature, { index }: { index: number }) => {
        const share = byId.get(featureId(f.properties, index, f.id));
        return share === undefined || Number.isNaN(share) ? [0, 0, 0, 0] : [...shareColor(share), 150];
      },
      updateTriggers: { getFillColor: [key] },
    }));
  }

  out.push(new LineLayer({
    ...base,
    id: ANALYSIS_LAYER_IDS.isochrones,
    data: isochroneData(r, category),
    visible: d.show.isochrones,
    widthUnits: 'pixels',
    getWidth: 3,
  }));

  out.push(new ScatterplotLayer({
    ...base,
    id: ANALYSIS_LAYER_IDS.distance,
    data: {
      length: r.homeCount,
      attributes: {
        getPosition: { value: homePositions(r), size: 2 },
        getFillColor: { value: distanceColors(r, category), size: 4, normalized: true },
      },
    },
    visible: d.show.distance,
    radiusUnits: 'pixels',
    getRadius: 4,
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 0.5,
    getLineColor: [255, 255, 255, 160],
    updateTriggers: { getFillColor: [category] },
  }));

  const snap = snapLegData(r);
  out.push(new LineLayer({
    ...base, id: ANALYSIS_LAYER_IDS.snapLegs, data: snap.legs, visible: d.show.snapLegs, widthUnits: 'pixels', getWidth: 2,
  }));
  out.push(new ScatterplotLayer({
    ...base,
    id: ANALYSIS_LAYER_IDS.notConnected,
    data: snap.notConnected,
    visible: d.show.snapLegs,
    radiusUnits: 'pixels',
    getRadius: 6,
    getFillColor: [...NOT_CONNECTED_COLOR, 255],
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 2,
    getLineColor: [255, 230, 0, 255],
  }));

  const path = analysis.explain?.path;
  if (path && path.coordinates.length > 1) {
    out.push(new PathLayer({
      ...base,
      id: ANALYSIS_LAYER_IDS.explain,
      data: [{ path: path.coordinates }],
      getPath: (x: { path: readonly (readonly [number, number])[] }) => x.path as [number, number][],
      getColor: [...EXPLAIN_PATH_COLOR, 255],
      widthUnits: 'pixels',
      getWidth: 5,
      capRounded: true,
      jointRounded: true,
    }));
  }
  return out;
}
