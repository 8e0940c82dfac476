import { AGE_BANDS, DEFAULT_WALK_SPEED_MPS, type AgeBand } from '../model';

/** Walking time in seconds = walking distance / speed (access contract); Infinity stays Infinity. */
export function walkingTimeS(walkingM: Float64Array, speedMps: number): Float64Array {
  const out = new Float64Array(walkingM.length);
  for (let i = 0; i < walkingM.length; i++) out[i] = walkingM[i]! / speedMps;
  return out;
}

/** Walking times for every age band, at the given (or default) speeds. */
export function walkingTimesByBand(
  walkingM: Float64Array,
  speedsMps: Readonly<Partial<Record<AgeBand, number>>> = DEFAULT_WALK_SPEED_MPS,
): Record<AgeBand, Float64Array> {
  return Object.fromEntries(
    AGE_BANDS.map((band) => [band, walkingTimeS(walkingM, speedsMps[band] ?? DEFAULT_WALK_SPEED_MPS[band])]),
  ) as Record<AgeBand, Float64Array>;
}
