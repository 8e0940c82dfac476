/**
 * Explain one home's walking distance: the path home → its snap point → streets → the facility's snap point
 * → the facility, rebuilt from the predecessor segments the multi-source search kept.
 */
import type { LngLat } from '../model';
import { alternatesOf, type PedestrianNetwork, type SnapResult } from '../network';
import { nearestFromSnap, sourcesBySegment, type CategoryAccessResult } from './category-access';

export interface ExplainedPath {
  readonly coordinates: LngLat[];
  readonly networkM: number;
  readonly homeSnapM: number;
  readonly facilitySnapM: number;
  readonly walkingM: number;
  /** FacilityTable index of the nearest facility. */
  readonly facilityIdx: number;
}

export interface Locations {
  readonly lng: Float64Array;
  readonly lat: Float64Array;
}

/** The path behind access.walkingM[homeIdx], or null when the home is unreachable. */
export function explainPath(
  net: PedestrianNetwork,
  homeSnap: SnapResult,
  facilitySnap: SnapResult,
  homeIdx: number,
  access: CategoryAccessResult,
  homes: Locations,
  facilities: Locations,
): ExplainedPath | null {
  let s = homeSnap.segment[homeIdx]!;
  if (s < 0 || !Number.isFinite(access.walkingM[homeIdx]!)) return null;
  const { sources, sourceFacility } = access;
  const bySegment = sourcesBySegment(sources);
  let reach = nearestFromSnap(net, access.nodeDistM, access.nodeSourceIdx, sources, bySegment, s, homeSnap.t[homeIdx]!);
  // The snapped point may lie on further segments (overlapping lines): the path leaves by the shortest.
  for (const k of alternatesOf(homeSnap.also).get(homeIdx) ?? []) {
    const seg = homeSnap.also!.segment[k]!;
    const r = nearestFromSnap(net, access.nodeDistM, access.nodeSourceIdx, sources, bySegment, seg, homeSnap.also!.t[k]!);
    if (r.sourceIdx >= 0 && (reach.sourceIdx < 0 || r.distM < reach.distM)) {
      reach = r;
      s = seg;
    }
  }
  if (reach.sourceIdx < 0) return null;
  const src = sources[reach.sourceIdx]!;
  const facilityIdx = sourceFacility[reach.sourceIdx]!;

  const coordinates: LngLat[] = [];
  const push = (lng: number, lat: number): void => {
    const last = coordinates[coordinates.length - 1];
    if (!last || last[0] !== lng || last[1] !== lat) coordinates.push([lng, lat]);
  };
  push(homes.lng[homeIdx]!, homes.lat[homeIdx]!);
  push(homeSnap.lng[homeIdx]!, homeSnap.lat[homeIdx]!);
  if (reach.via !== 'direct') {
    let node = reach.via === 'a' ? net.segA[s]! : net.segB[s]!;
    push(net.nodeLng[node]!, net.nodeLat[node]!);
    for (let steps = 0; access.nodePredSegment[node]! >= 0 && steps < net.nodeCount; steps++) {
      const seg = access.nodePredSegment[node]!;
      node = net.segA[seg] === node ? net.segB[seg]! : net.segA[seg]!;
      push(net.nodeLng[node]!, net.nodeLat[node]!);
    }
  }
  push(facilitySnap.lng[facilityIdx]!, facilitySnap.lat[facilityIdx]!);
  push(facilities.lng[facilityIdx]!, facilities.lat[facilityIdx]!);

  const walkingM = access.walkingM[homeIdx]!;
  const homeSnapM = homeSnap.snapM[homeIdx]!;
  return { coordinates, networkM: walkingM - homeSnapM - src.offsetM, homeSnapM, facilitySnapM: src.offsetM, walkingM, facilityIdx };
}
