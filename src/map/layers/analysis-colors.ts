/**
 * Palettes of the access-analysis map results, shared by the deck.gl builders and the panel's legends so
 * the two cannot disagree. Distance bands run green → red by threshold; the two "no access" states get
 * colours outside that ramp so they never read as "far".
 */
import type { Rgb } from '../colors';

/** Within thresholds[0], [1], [2], … (more thresholds reuse the last colours). */
const BAND_RAMP: readonly Rgb[] = [[26, 152, 80], [145, 207, 96], [254, 224, 139], [252, 141, 89], [215, 48, 39]];
export const BEYOND_COLOR: Rgb = [120, 20, 60];
export const UNREACHABLE_COLOR: Rgb = [150, 150, 160];
export const NOT_CONNECTED_COLOR: Rgb = [20, 20, 20];

/** Colour of the band "within threshold k" among `count` thresholds. */
export function bandColor(k: number, count: number): Rgb {
  if (count <= 1) return BAND_RAMP[0];
  // Spread the thresholds over the ramp so three thresholds use green, yellow, orange-red.
  const i = Math.round((k / (count - 1)) * (BAND_RAMP.length - 2));
  return BAND_RAMP[Math.min(i, BAND_RAMP.length - 1)];
}

/** Coverage share 0 → 1 as a white → deep green fill; NaN (no children) stays unfilled. */
export function shareColor(share: number): Rgb {
  const t = Math.max(0, Math.min(1, share));
  const lo: Rgb = [247, 104, 91];
  const mid: Rgb = [255, 235, 160];
  const hi: Rgb = [35, 139, 69];
  const [a, b, u] = t < 0.5 ? [lo, mid, t * 2] : [mid, hi, (t - 0.5) * 2];
  return [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * u)) as unknown as Rgb;
}

export const SHARE_STOPS = [0, 0.25, 0.5, 0.75, 1] as const;

export const SNAP_LEG_COLOR: Rgb = [90, 90, 200];
/** Legs longer than this are drawn highlighted: a long walk before the street network even starts. */
export const LONG_SNAP_M = 100;
export const LONG_SNAP_COLOR: Rgb = [230, 90, 0];
export const EXPLAIN_PATH_COLOR: Rgb = [0, 90, 255];
