/**
 * Explicit fixes the user accepts from a warning: GCJ-02 / BD-09 → WGS 84 (gcoord), and swapping
 * axes. Loaders only suggest these (warning codes with `fix`); they never apply them on their own.
 */
import gcoord from 'gcoord';
import type { FeatureCollection } from 'geojson';
import type { LoadedLayer } from '../model';
import type { XY } from './crs';
import { BBoxAccumulator } from './geometry-kind';
import { mapFeature } from './reproject';
import { IO_WARNINGS } from './warnings';

export type OffsetDatum = 'gcj02' | 'bd09';

const CRS = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09, wgs84: gcoord.WGS84 } as const;

/** A point function from one datum to another (gcoord leaves points outside China unchanged). */
export function datumFn(from: OffsetDatum | 'wgs84', to: OffsetDatum | 'wgs84'): XY {
  return (x, y) => {
    const [a, b] = gcoord.transform([x, y], CRS[from], CRS[to]);
    return [a, b];
  };
}

const OFFSET_WARNINGS: Record<OffsetDatum, readonly string[]> = {
  gcj02: [IO_WARNINGS.declaredGcj02, IO_WARNINGS.looksGcj02],
  bd09: [IO_WARNINGS.declaredBd09, IO_WARNINGS.looksBd09],
};

export function convertCoordinates(layer: LoadedLayer, from: OffsetDatum, to: 'wgs84' = 'wgs84'): LoadedLayer {
  const done = new Set(OFFSET_WARNINGS[from]);
  return remap(layer, datumFn(from, to), (w) => !done.has(w.code));
}

/** Swap x and y of every coordinate (the fix offered by warning.io.axes-swapped). */
export function swapAxes(layer: LoadedLayer): LoadedLayer {
  return remap(layer, (x, y) => [y, x], (w) => w.code !== IO_WARNINGS.axesSwapped);
}

function remap(layer: LoadedLayer, fn: XY, keep: (w: LoadedLayer['warnings'][number]) => boolean): LoadedLayer {
  const features = layer.data.features.map((f) => mapFeature(f, fn));
  const acc = new BBoxAccumulator();
  for (const f of features) acc.addFeature(f);
  const data: FeatureCollection = { type: 'FeatureCollection', features };
  return { ...layer, data, bbox: acc.bbox, warnings: layer.warnings.filter(keep) };
}
