/**
 * The coordinate checks the app's loader makes, finished for a command line that cannot ask the user:
 * - the loader notes swapped axes by range (latitudes beyond ±90 that would be fine as longitudes) as an
 *   offer to swap. When most features are out of range the file is latitude-first: refused. When only a
 *   few are, those features are broken, not the file: they are left out, with a warning.
 * - the loader notes swapped axes against a reference area (the app: the layers already loaded). Here
 *   each layer is checked against the union of the other inputs, with the core's own check.
 * - homes farther from every street than --max-snap cannot be connected: refused, as nothing is left to
 *   analyse; facilities that far: a warning (their category is analysed with none reachable).
 */
import type { Feature, FeatureCollection } from 'geojson';
import { bboxParams, checkDegrees } from '../core/io/coord-checks';
import { BBoxAccumulator, eachPosition } from '../core/io/geometry-kind';
import { IO_WARNINGS, WarningTally } from '../core/io/warnings';
import type { BBox, LoadedLayer } from '../core/model';
import { formatCode } from './messages';

const SWAP_FIX = 'Write longitude first (x = longitude, y = latitude) in the file; nothing was analysed.';

const inDegrees = (f: Feature): boolean => {
  let ok = true;
  if (f.geometry) {
    eachPosition(f.geometry, (p) => {
      if (!(p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90)) ok = false;
    });
  }
  return ok;
};

export function bboxOf(fc: FeatureCollection): BBox | null {
  const acc = new BBoxAccumulator();
  for (const f of fc.features) acc.addFeature(f);
  return acc.bbox;
}

const extent = (b: BBox): string => {
  const p = bboxParams(b);
  return `${p.minX}, ${p.minY} – ${p.maxX}, ${p.maxY}`;
};

/** The app's own sentence for swapped axes, without its "Swap the axes?" button offer. */
const swappedSentence = (b: BBox): string =>
  formatCode('warning', IO_WARNINGS.axesSwapped, bboxParams(b)).replace(/\s*[^.!?]*\?\s*$/, '');

export interface RangeCheck {
  readonly layer: LoadedLayer;
  /** A warning line when broken features were left out. */
  readonly line?: string;
  /** A refusal line when the whole file is latitude-first. */
  readonly refusal?: string;
}

/** Resolves the loader's "swapped by range" note: a latitude-first file is refused, a few broken features are dropped. */
export function checkRange(label: string, layer: LoadedLayer): RangeCheck {
  const note = layer.warnings.find((w) => w.code === IO_WARNINGS.axesSwapped && w.params?.reason === 'range');
  if (!note || !layer.bbox) return { layer };
  const kept = layer.data.features.filter(inDegrees);
  const dropped = layer.data.features.length - kept.length;
  const warnings = layer.warnings.filter((w) => w !== note);
  if (kept.length === 0 || dropped * 2 > layer.data.features.length) {
    return { layer: { ...layer, warnings }, refusal: `${label}: ${swappedSentence(layer.bbox)} ${SWAP_FIX}` };
  }
  const data: FeatureCollection = { ...layer.data, features: kept };
  return {
    layer: { ...layer, data, featureCount: kept.length, bbox: bboxOf(data), warnings },
    line: `${label}: ${dropped} ${dropped === 1 ? 'feature has' : 'features have'} coordinates outside longitude -180…180 / latitude -90…90 `
      + `(extent ${extent(layer.bbox)}) and ${dropped === 1 ? 'was' : 'were'} left out. Fix ${dropped === 1 ? 'its' : 'their'} coordinates in the file.`,
  };
}

const union = (boxes: readonly BBox[]): BBox | undefined =>
  boxes.length === 0 ? undefined : boxes.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);

/** The shortest distance between two boxes in metres (0 when they meet), on a local equirectangular scale. */
function gapMetres(a: BBox, b: BBox): number {
  const gx = Math.max(0, a[0] - b[2], b[0] - a[2]);
  const gy = Math.max(0, a[1] - b[3], b[1] - a[3]);
  const lat = (Math.max(a[1], b[1]) + Math.min(a[3], b[3])) / 2;
  return Math.hypot(gx * 111_320 * Math.cos((lat * Math.PI) / 180), gy * 110_574);
}

export interface Placed {
  readonly label: string;
  readonly role: string;
  readonly layer: LoadedLayer;
}

/**
 * Layers that lie outside the other inputs' area but would lie inside it with their axes swapped (refused),
 * homes too far from the streets' area to connect (refused) and facilities that far (warned).
 */
export function checkPlacement(inputs: readonly Placed[], maxSnapM: number): { refusals: string[]; lines: string[] } {
  const refusals: string[] = [];
  const lines: string[] = [];
  const swapped = new Set<Placed>();
  inputs.forEach((x, i) => {
    const bbox = x.layer.bbox;
    const ref = union(inputs.flatMap((y, j) => (j !== i && y.layer.bbox ? [y.layer.bbox] : [])));
    if (!bbox || !ref) return;
    const tally = new WarningTally();
    checkDegrees(x.layer.fileName, bbox, tally, ref);
    if (!tally.has(IO_WARNINGS.axesSwapped)) return;
    swapped.add(x);
    refusals.push(`${x.label}: ${swappedSentence(bbox)} It lies outside the other files' area and would lie inside it with the axes swapped. ${SWAP_FIX}`);
  });
  const streets = inputs.find((x) => x.role === 'streets');
  const sb = streets && !swapped.has(streets) ? streets.layer.bbox : null;
  for (const x of inputs) {
    if (!sb || swapped.has(x) || !x.layer.bbox || (x.role !== 'homes' && x.role !== 'facilities')) continue;
    const gapM = gapMetres(x.layer.bbox, sb);
    if (gapM <= maxSnapM) continue;
    const where = `it lies ${Math.round(gapM)} m or more from the streets' area (extent ${extent(x.layer.bbox)}; ${streets!.label}: ${extent(sb)})`;
    // Homes that no street can reach leave nothing to analyse (every home "not connected"); facilities only a category.
    if (x.role === 'homes') refusals.push(`${x.label}: ${where}, farther than --max-snap ${maxSnapM} m, so no home can be connected to a street. Check that the files cover the same place.`);
    else lines.push(`${x.label}: ${where}, farther than --max-snap ${maxSnapM} m, so no home can reach these facilities. Check that the files cover the same place.`);
  }
  return { refusals, lines };
}
