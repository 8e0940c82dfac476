/** Coordinates of stored ways, and the small planar helpers ring assembly needs (lon/lat degrees). */
import type { Position } from 'geojson';
import type { OsmStore } from './osm-store';

/** The way's coordinates, or null when a node is missing from the file or fewer than 2 remain. */
export function wayCoords(store: OsmStore, wayIndex: number): Position[] | null {
  return nodeCoords(store, store.wayNodes(wayIndex));
}

export function nodeCoords(store: OsmStore, nodes: ArrayLike<number>): Position[] | null {
  if (!isComplete(nodes)) return null;
  const out: Position[] = new Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) out[i] = store.lngLat(nodes[i]);
  return out;
}

/** True when every node of the way is in the file and there are at least 2 (what wayCoords needs). */
export function isComplete(nodes: ArrayLike<number>): boolean {
  if (nodes.length < 2) return false;
  for (let i = 0; i < nodes.length; i++) if (nodes[i] < 0) return false;
  return true;
}

export function isClosedRing(nodes: ArrayLike<number>): boolean {
  return nodes.length >= 4 && nodes[0] === nodes[nodes.length - 1];
}

/** Shoelace area in degrees² (positive = counter-clockwise). Only the sign and the ordering are used. */
export function signedArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s / 2;
}

/** RFC 7946: exterior rings counter-clockwise, holes clockwise. */
export function orient(ring: Position[], ccw: boolean): Position[] {
  return signedArea(ring) > 0 === ccw ? ring : ring.slice().reverse();
}
