/**
 * The scale bar: a round length (1, 2 or 5 × 10ⁿ metres) drawn true at the page's centre latitude. On a Web
 * Mercator map the ground size of a pixel shrinks with cos(latitude), so the bar is only true on one
 * parallel: the centre's, as a printed map states. The drawn length is rounded to whole pixels; a bar
 * shorter than `MIN_BAR_PX` could be off by more than the ±2 % the layout promises, so it is refused.
 */
import { MM_PER_INCH } from './paper';

/** WGS 84 equatorial radius: Web Mercator's sphere. */
export const EARTH_RADIUS_M = 6_378_137;
/** MapLibre's tiles are 512 px a side at zoom z (256 px tiles sit one zoom level higher). */
export const TILE_SIZE = 512;
/** Half a pixel of rounding is at most 2 % of 25 px. */
export const MIN_BAR_PX = 25;

/** Ground metres per map pixel at `lat` on a Web Mercator map of zoom `zoom`. */
export function metersPerPixel(lat: number, zoom: number, tileSize: number = TILE_SIZE): number {
  return (2 * Math.PI * EARTH_RADIUS_M * Math.cos((lat * Math.PI) / 180)) / (tileSize * 2 ** zoom);
}

/** The map scale denominator (1 : N) of a map whose pixels are `mpp` metres, printed at `dpi`. */
export const scaleDenominator = (mpp: number, dpi: number): number => (mpp * dpi) / (MM_PER_INCH / 1000);

/** Ground metres per printed pixel for a map at scale 1 : `denominator` printed at `dpi`. */
export const metersPerPixelAtScale = (denominator: number, dpi: number): number => (denominator * MM_PER_INCH) / 1000 / dpi;

/** The largest 1-2-5 number ≤ x (x > 0). */
export function niceFloor(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  // A hair of tolerance so 5000 (stored as 4999.999…) is 5000, not 2000.
  const step = m >= 5 - 1e-9 ? 5 : m >= 2 - 1e-9 ? 2 : 1;
  return step * p;
}

export interface ScaleBar {
  /** The round ground length the bar stands for. */
  readonly meters: number;
  /** Shown as `value unit`: 500 m, 1 km, 2.5 km never (1-2-5 only). */
  readonly value: number;
  readonly unit: 'm' | 'km';
  readonly lengthPx: number;
  /** lengthPx × mpp / meters − 1: the drawn length's error (|error| ≤ 0.02). */
  readonly error: number;
}

export type ScaleBarResult = { readonly ok: true; readonly bar: ScaleBar } | { readonly ok: false; readonly code: 'print.scale-bar-too-short'; readonly params: Readonly<Record<string, number>> };

/** The longest round bar that fits in `maxLengthPx` pixels of `mpp` metres each (mpp at the centre latitude). */
export function scaleBar(mpp: number, maxLengthPx: number): ScaleBarResult {
  if (!(mpp > 0) || !(maxLengthPx >= MIN_BAR_PX)) return { ok: false, code: 'print.scale-bar-too-short', params: { maxLengthPx } };
  let meters = niceFloor(maxLengthPx * mpp);
  let lengthPx = Math.round(meters / mpp);
  if (lengthPx > maxLengthPx) {
    // Only when rounding pushed a bar that fits exactly one pixel over: take the next smaller round length.
    meters = niceFloor(meters * 0.999);
    lengthPx = Math.round(meters / mpp);
  }
  if (lengthPx < MIN_BAR_PX) return { ok: false, code: 'print.scale-bar-too-short', params: { maxLengthPx, lengthPx } };
  const unit = meters >= 1000 ? 'km' : 'm';
  return { ok: true, bar: { meters, value: unit === 'km' ? meters / 1000 : meters, unit, lengthPx, error: (lengthPx * mpp) / meters - 1 } };
}
