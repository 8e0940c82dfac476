/**
 * Is a layer inside China shifted by GCJ-02 or BD-09 against a trusted WGS 84 reference (e.g. OSM
 * streets)? Compare the median distance from the layer's vertices to the nearest reference vertex as
 * is, and after each candidate conversion: if a conversion halves it, and the layer sits more than
 * 20 m off, suggest that conversion. Against a dense reference a 500 m shift can look like 50 m
 * (another vertex is near), so the test is the drop after conversion, not the raw distance.
 */
import Flatbush from 'flatbush';
import type { LoadedLayer } from '../model';
import { datumFn, type OffsetDatum } from './convert-coordinates';
import { eachPosition } from './geometry-kind';
import { IO_WARNINGS } from './warnings';

const CHINA = [73, 3.8, 136, 53.6] as const;
const SAMPLE = 1500;
const MIN_OFFSET_M = 20;

type Pt = readonly [number, number];

export function withOffsetCheck(layer: LoadedLayer, reference: readonly Pt[]): LoadedLayer {
  const found = detectOffset(layer, reference);
  if (!found) return layer;
  const code = found.datum === 'gcj02' ? IO_WARNINGS.looksGcj02 : IO_WARNINGS.looksBd09;
  const declared = found.datum === 'gcj02' ? IO_WARNINGS.declaredGcj02 : IO_WARNINGS.declaredBd09;
  if (layer.warnings.some((w) => w.code === declared)) return layer;
  const params = { from: found.datum, fix: `convert-${found.datum}`, medianM: Math.round(found.medianM), convertedM: Math.round(found.convertedM) };
  return { ...layer, warnings: [...layer.warnings, { code, count: 1, params }] };
}

export interface OffsetFinding {
  readonly datum: OffsetDatum;
  readonly medianM: number;
  readonly convertedM: number;
}

export function detectOffset(layer: LoadedLayer, reference: readonly Pt[]): OffsetFinding | undefined {
  const b = layer.bbox;
  if (!b || reference.length === 0 || b[2] < CHINA[0] || b[0] > CHINA[2] || b[3] < CHINA[1] || b[1] > CHINA[3]) return undefined;
  const refs = reference.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (refs.length === 0) return undefined;
  const index = new Flatbush(refs.length);
  for (const [x, y] of refs) index.add(x, y, x, y);
  index.finish();
  const pts = sample(layer);
  if (pts.length === 0) return undefined;
  const medianM = medianDistance(pts, refs, index);
  if (medianM < MIN_OFFSET_M) return undefined;
  let best: OffsetFinding | undefined;
  for (const datum of ['gcj02', 'bd09'] as const) {
    const fn = datumFn(datum, 'wgs84');
    const convertedM = medianDistance(pts.map(([x, y]) => fn(x, y)), refs, index);
    if (convertedM < medianM / 2 && (!best || convertedM < best.convertedM)) best = { datum, medianM, convertedM };
  }
  return best;
}

function sample(layer: LoadedLayer): Pt[] {
  const all: Pt[] = [];
  for (const f of layer.data.features) if (f.geometry) eachPosition(f.geometry, (p) => all.push([p[0], p[1]]));
  if (all.length <= SAMPLE) return all;
  const step = all.length / SAMPLE;
  return Array.from({ length: SAMPLE }, (_, i) => all[Math.floor(i * step)]);
}

function medianDistance(pts: readonly Pt[], refs: readonly Pt[], index: Flatbush): number {
  const d = pts.map(([x, y]) => {
    const [i] = index.neighbors(x, y, 1);
    return i === undefined ? Infinity : metres([x, y], refs[i]);
  });
  d.sort((a, b) => a - b);
  return d[Math.floor(d.length / 2)];
}

/** Equirectangular distance: ample at the few-hundred-metre scale of these shifts. */
function metres(a: Pt, b: Pt): number {
  const k = Math.PI / 180;
  const x = (b[0] - a[0]) * k * Math.cos(((a[1] + b[1]) / 2) * k);
  const y = (b[1] - a[1]) * k;
  return 6_371_008.8 * Math.hypot(x, y);
}
