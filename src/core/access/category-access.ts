/**
 * Walking distance from every home to one facility category (access-contract.md, "Distances"):
 * home snap leg + network distance + facility snap leg, minimised over the category's connected facilities.
 */
import type { CancelToken } from '../jobs';
import type { CategoryAccess } from '../model';
import { alternatesOf, type PedestrianNetwork, type SnapResult } from '../network';
import { addSources, multiSourceDistances, type MultiSourceResult, type NetworkSource } from './multi-source';

export interface CategoryAccessOptions {
  /** Category id written into the result. */
  readonly category?: string;
  /** Stop the search here: walking distances above it are reported as Infinity (nearest −1). */
  readonly cutoffM?: number;
}

export interface CategoryAccessResult extends CategoryAccess {
  /** Network distance of every node from its nearest facility, facility snap leg included. */
  readonly nodeDistM: Float64Array;
  /** FacilityTable index of the facility nearest to each node; -1 when unreached. */
  readonly nodeSource: Int32Array;
  /** The same as an index into `sources`. */
  readonly nodeSourceIdx: Int32Array;
  /** Segment each node was reached by (-1 at a facility's own segment ends); for explainPath. */
  readonly nodePredSegment: Int32Array;
  /** The connected facilities as network sources, and the FacilityTable index of each. */
  readonly sources: readonly NetworkSource[];
  readonly sourceFacility: Int32Array;
}

/** The facilities of `facilityIndexes` that snapped, as sources carrying their snap leg. */
export function facilitySources(facilitySnap: SnapResult, facilityIndexes: Int32Array): { sources: NetworkSource[]; sourceFacility: Int32Array } {
  const sources: NetworkSource[] = [];
  const facility: number[] = [];
  const alternates = alternatesOf(facilitySnap.also);
  for (const f of facilityIndexes) {
    const segment = facilitySnap.segment[f]!;
    if (segment < 0) continue;
    sources.push({ segment, t: facilitySnap.t[f]!, offsetM: facilitySnap.snapM[f]! });
    facility.push(f);
    // A facility whose snapped point lies on several segments is a source on each of them.
    for (const k of alternates.get(f) ?? []) {
      sources.push({ segment: facilitySnap.also!.segment[k]!, t: facilitySnap.also!.t[k]!, offsetM: facilitySnap.snapM[f]! });
      facility.push(f);
    }
  }
  return { sources, sourceFacility: Int32Array.from(facility) };
}

/** Sources grouped by segment, for the direct along-the-segment case. */
export function sourcesBySegment(sources: readonly NetworkSource[]): Map<number, number[]> {
  const bySegment = new Map<number, number[]>();
  sources.forEach((s, i) => {
    const list = bySegment.get(s.segment);
    if (list) list.push(i);
    else bySegment.set(s.segment, [i]);
  });
  return bySegment;
}

/** How a snapped point reaches its nearest source: through segA, through segB, or directly along its segment. */
export interface SnapReach {
  readonly distM: number;
  /** Index into `sources`; -1 when none is reachable. */
  readonly sourceIdx: number;
  readonly via: 'a' | 'b' | 'direct';
}

/** The nearest source of the point at t on segment s (ties go to the lower source index). */
export function nearestFromSnap(
  net: PedestrianNetwork,
  dist: Float64Array,
  source: Int32Array,
  sources: readonly NetworkSource[],
  bySegment: ReadonlyMap<number, readonly number[]>,
  s: number,
  t: number,
): SnapReach {
  const len = net.segLengthM[s]!;
  const a = net.segA[s]!;
  const b = net.segB[s]!;
  let best = dist[a]! + t * len;
  let bestSource = source[a]!;
  let via: SnapReach['via'] = 'a';
  const viaB = dist[b]! + (1 - t) * len;
  if (viaB < best || (viaB === best && source[b]! >= 0 && (bestSource < 0 || source[b]! < bestSource))) {
    best = viaB;
    bestSource = source[b]!;
    via = 'b';
  }
  for (const j of bySegment.get(s) ?? []) {
    const src = sources[j]!;
    const direct = src.offsetM + Math.abs(t - src.t) * len;
    if (direct < best || (direct === best && j < bestSource)) {
      best = direct;
      bestSource = j;
      via = 'direct';
    }
  }
  return { distM: best, sourceIdx: bestSource, via };
}

export function computeCategoryAccess(
  net: PedestrianNetwork,
  homeSnap: SnapResult,
  facilitySnap: SnapResult,
  facilityIndexes: Int32Array,
  opts: CategoryAccessOptions = {},
  cancel?: CancelToken,
): CategoryAccessResult {
  const cutoffM = opts.cutoffM ?? Number.POSITIVE_INFINITY;
  const { sources, sourceFacility } = facilitySources(facilitySnap, facilityIndexes);
  const { dist, source, predSegment } = multiSourceDistances(net, sources, cutoffM, cancel);
  return homesAccess(net, homeSnap, { dist, source, predSegment }, sources, sourceFacility, cutoffM, opts.category ?? '', cancel);
}

/**
 * The same access with more facilities of the category (`addedIndexes`, FacilityTable indexes after every
 * one of `base`'s): a new facility only brings nodes nearer, so the search starts from the new facilities
 * alone and goes only where it beats `base`'s distance (multiSourceDistances from scratch gives the same
 * distances and nearest facilities: the new sources come after base's, and ties go to the lower index).
 * `facilitySnap` must give base's facilities the snaps base used; `cutoffM` must be base's.
 */
export function extendCategoryAccess(
  net: PedestrianNetwork,
  homeSnap: SnapResult,
  facilitySnap: SnapResult,
  base: CategoryAccessResult,
  addedIndexes: Int32Array,
  opts: CategoryAccessOptions = {},
  cancel?: CancelToken,
): CategoryAccessResult {
  const cutoffM = opts.cutoffM ?? Number.POSITIVE_INFINITY;
  const added = facilitySources(facilitySnap, addedIndexes);
  const sources = [...base.sources, ...added.sources];
  const sourceFacility = new Int32Array(sources.length);
  sourceFacility.set(base.sourceFacility);
  sourceFacility.set(added.sourceFacility, base.sources.length);
  const distances = addSources(net, { dist: base.nodeDistM, source: base.nodeSourceIdx, predSegment: base.nodePredSegment }, added.sources, base.sources.length, cutoffM, cancel);
  return homesAccess(net, homeSnap, distances, sources, sourceFacility, cutoffM, opts.category ?? base.category, cancel);
}

/** Per home: the nearest source through its segment's ends or directly along it, within the cutoff. */
function homesAccess(
  net: PedestrianNetwork,
  homeSnap: SnapResult,
  { dist, source, predSegment }: MultiSourceResult,
  sources: readonly NetworkSource[],
  sourceFacility: Int32Array,
  cutoffM: number,
  category: string,
  cancel?: CancelToken,
): CategoryAccessResult {
  const bySegment = sourcesBySegment(sources);

  const homeCount = homeSnap.segment.length;
  const walkingM = new Float64Array(homeCount).fill(Number.POSITIVE_INFINITY);
  const networkM = new Float64Array(homeCount).fill(Number.POSITIVE_INFINITY);
  const homeSnapM = Float64Array.from(homeSnap.snapM);
  const nearestFacility = new Int32Array(homeCount).fill(-1);

  // nearestFromSnap, inlined (it runs for every home of every category): via segA, via segB, or directly
  // along the segment from a source snapped onto it.
  const hasSource = new Uint8Array(net.segmentCount);
  for (const src of sources) if (src.segment >= 0 && src.segment < net.segmentCount) hasSource[src.segment] = 1;
  const { segA, segB, segLengthM } = net;
  const homeSeg = homeSnap.segment;
  const homeT = homeSnap.t;
  const homeAlternates = alternatesOf(homeSnap.also);
  for (let h = 0; h < homeCount; h++) {
    if ((h & 0xffff) === 0) cancel?.check();
    const s = homeSeg[h]!;
    if (s < 0) continue;
    const t = homeT[h]!;
    const len = segLengthM[s]!;
    const a = segA[s]!;
    const b = segB[s]!;
    let best = dist[a]! + t * len;
    let bestSource = source[a]!;
    const viaB = dist[b]! + (1 - t) * len;
    const sb = source[b]!;
    if (viaB < best || (viaB === best && sb >= 0 && (bestSource < 0 || sb < bestSource))) {
      best = viaB;
      bestSource = sb;
    }
    if (hasSource[s] === 1) {
      for (const j of bySegment.get(s)!) {
        const src = sources[j]!;
        const direct = src.offsetM + Math.abs(t - src.t) * len;
        if (direct < best || (direct === best && j < bestSource)) {
          best = direct;
          bestSource = j;
        }
      }
    }
    // A home whose snapped point lies on several segments walks along whichever is shorter.
    if (homeAlternates.size > 0) {
      for (const k of homeAlternates.get(h) ?? []) {
        const r = nearestFromSnap(net, dist, source, sources, bySegment, homeSnap.also!.segment[k]!, homeSnap.also!.t[k]!);
        if (r.sourceIdx >= 0 && (r.distM < best || (r.distM === best && r.sourceIdx < bestSource))) {
          best = r.distM;
          bestSource = r.sourceIdx;
        }
      }
    }
    if (bestSource < 0 || !(best <= cutoffM - homeSnapM[h]!)) continue;
    walkingM[h] = homeSnapM[h]! + best;
    networkM[h] = best - sources[bestSource]!.offsetM;
    nearestFacility[h] = sourceFacility[bestSource]!;
  }

  const nodeSource = new Int32Array(net.nodeCount);
  for (let v = 0; v < net.nodeCount; v++) nodeSource[v] = source[v]! >= 0 ? sourceFacility[source[v]!]! : -1;
  return {
    category,
    walkingM, networkM, homeSnapM, nearestFacility,
    nodeDistM: dist, nodeSource, nodeSourceIdx: source, nodePredSegment: predSegment, sources, sourceFacility,
  };
}
