import type { SnapResult } from '../network';
import { SNAP_LEG_STRIDE } from './types';

/** Snap legs of homes then facilities, SNAP_LEG_STRIDE floats each (see AccessAnalysisResult.snapLegs). */
export function snapLegRows(
  homes: { lng: Float64Array; lat: Float64Array },
  homeSnap: SnapResult,
  facilities: { lng: Float64Array; lat: Float64Array },
  facilitySnap: SnapResult,
): Float64Array {
  const nh = homes.lng.length;
  const out = new Float64Array((nh + facilities.lng.length) * SNAP_LEG_STRIDE);
  const fill = (loc: { lng: Float64Array; lat: Float64Array }, snap: SnapResult, row0: number): void => {
    for (let i = 0; i < loc.lng.length; i++) {
      const o = (row0 + i) * SNAP_LEG_STRIDE;
      out[o] = loc.lng[i];
      out[o + 1] = loc.lat[i];
      out[o + 2] = snap.lng[i];
      out[o + 3] = snap.lat[i];
      out[o + 4] = snap.snapM[i];
    }
  };
  fill(homes, homeSnap, 0);
  fill(facilities, facilitySnap, nh);
  return out;
}
