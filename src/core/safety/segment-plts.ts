/**
 * Stress of walking along a way (safe-routes contract, "Stress of walking along a way"): PLTS 1–4 with the
 * basis that decided it, so every street can say why it got its score.
 */
import type { FeatureCollection } from 'geojson';
import type { Props } from '../model';
import { isWalkable, type WalkabilityTable } from '../network';
import type { Plts, SafetyProfile } from './profile';
import { baseClass, highwayOf, readLanes, readSidewalk, readSpeed, type Sidewalk } from './tags';

export const SEGMENT_BASES = ['dedicated', 'sidewalk', 'no_sidewalk', 'assumed_quiet', 'assumed_sidewalk'] as const;
export type SegmentBasis = (typeof SEGMENT_BASES)[number];

export interface SegmentRating {
  readonly plts: Plts;
  readonly basis: SegmentBasis;
  readonly speedKmh: number;
  readonly speedAssumed: boolean;
  readonly lanes: number;
  readonly sidewalk: Sidewalk;
}

export function speedPart(kmh: number, profile: SafetyProfile): Plts {
  const [p1, p2, p3] = profile.segment.speedPart;
  return kmh <= p1 ? 1 : kmh <= p2 ? 2 : kmh <= p3 ? 3 : 4;
}

export function lanesPart(lanes: number): Plts {
  return lanes <= 2 ? 1 : lanes === 3 ? 3 : 4;
}

export function rateSegment(props: Props | null | undefined, profile: SafetyProfile): SegmentRating {
  const highway = highwayOf(props);
  const speed = readSpeed(props, profile);
  const lanes = readLanes(props, profile);
  const sidewalk = readSidewalk(props);
  const base = { speedKmh: speed.kmh, speedAssumed: speed.assumed, lanes, sidewalk };
  if (profile.segment.dedicated.includes(highway) || profile.segment.dedicated.includes(baseClass(highway))) {
    return { ...base, plts: 1, basis: 'dedicated' };
  }
  const alongSidewalk = (): Plts => Math.max(speedPart(speed.kmh, profile), lanesPart(lanes)) as Plts;
  if (sidewalk === 'present') return { ...base, plts: alongSidewalk(), basis: 'sidewalk' };
  if (sidewalk === 'absent') {
    const [q2, q3] = profile.segment.noSidewalk;
    return { ...base, plts: speed.kmh <= q2 ? 2 : speed.kmh <= q3 ? 3 : 4, basis: 'no_sidewalk' };
  }
  if (speed.kmh <= profile.segment.quietMaxKmh) return { ...base, plts: profile.segment.quietPlts as Plts, basis: 'assumed_quiet' };
  return { ...base, plts: alongSidewalk(), basis: 'assumed_sidewalk' };
}

/** Every street feature rated: PLTS 0 for ways that are not walkable (they carry no walking). */
export interface StreetSafety {
  readonly plts: Uint8Array;
  /** Index into SEGMENT_BASES; 255 for ways that are not walkable. */
  readonly basis: Uint8Array;
  readonly speedKmh: Float64Array;
  readonly speedAssumed: Uint8Array;
  readonly lanes: Uint16Array;
  /** 0 present, 1 absent, 2 unknown. */
  readonly sidewalk: Uint8Array;
}

export const SIDEWALK_CODES: readonly Sidewalk[] = ['present', 'absent', 'unknown'];

export function rateStreets(streets: FeatureCollection, profile: SafetyProfile, walkability?: WalkabilityTable): StreetSafety {
  const n = streets.features.length;
  const out: StreetSafety = {
    plts: new Uint8Array(n), basis: new Uint8Array(n).fill(255), speedKmh: new Float64Array(n).fill(Number.NaN),
    speedAssumed: new Uint8Array(n), lanes: new Uint16Array(n), sidewalk: new Uint8Array(n).fill(2),
  };
  for (let i = 0; i < n; i++) {
    const props = streets.features[i]!.properties as Props | null;
    if (!isWalkable(props, walkability)) continue;
    const r = rateSegment(props, profile);
    out.plts[i] = r.plts;
    out.basis[i] = SEGMENT_BASES.indexOf(r.basis);
    out.speedKmh[i] = r.speedKmh;
    out.speedAssumed[i] = r.speedAssumed ? 1 : 0;
    out.lanes[i] = Math.min(r.lanes, 65535);
    out.sidewalk[i] = SIDEWALK_CODES.indexOf(r.sidewalk);
  }
  return out;
}
