/**
 * Children's knowledge beside the tag-based model (issue 9, item 6): the co-sketch's `danger` marks
 * (points) and drawn `route`s (lines) set against a safe-routes result.
 *
 * - A danger mark is **near** a crossing within NEAR_CROSSING_M of its point, and near a way within
 *   NEAR_WAY_M of its line. A route **passes through** a crossing or a way when its line comes that close
 *   (a route that crosses a stressful street passes through that way too: it walks on it to cross).
 * - Per hotspot: how many danger marks are near it and how many routes pass through it. A mark stands for
 *   one child's mark: the sketch holds no identity (docs/co-sketch.md), so one child's two marks count twice.
 * - A **disagreement**: a danger mark with a rated crossing or way near it, every one of them PLTS 1–2
 *   (the model calls the place safe). A stressful (PLTS ≥ 3) crossing or way, or an unrated one (PLTS 0: a
 *   car road nobody may walk, such as a motorway), near the mark means the children and the model agree.
 *   The mark is put on the nearest crossing within NEAR_CROSSING_M (children mark where they cross), else on
 *   the nearest way; marks on one crossing or way form one disagreement, most marks first.
 * Danger areas (polygons) and other kinds are not counted. Pure: codes and numbers, no sentences.
 */
import Flatbush from 'flatbush';
import type { Geometry, Position } from 'geojson';
import { CONTROLS } from './crossing-plts';
import { boxAround, frameAt, pointSegmentM, segmentSegmentM } from './mark-distance';
import { SEGMENT_BASES } from './segment-plts';

/**
 * A co-sketch feature as the counting reads it: core/sketch's SketchFeature fits, and so does a feature read
 * from a saved file before its kind is checked. Only kind, geometry and age band are read.
 */
export interface SketchMark {
  readonly id: string;
  readonly geometry: { readonly type: string; readonly coordinates: unknown };
  readonly properties: { readonly kind: string; readonly age_band?: string };
}

/** How close (metres) a mark or a route must come to a crossing point to be about that crossing. */
export const NEAR_CROSSING_M = 30;
/** How close (metres) a mark or a route must come to a way's line to be about that way. */
export const NEAR_WAY_M = 20;

/** What the counting reads of a safe-routes result (SafeRoutesResult has these fields). */
export interface MarksNetworkInput {
  /** Per street feature (the result's street order): its geometry, PLTS (0: unrated) and SEGMENT_BASES index. */
  readonly streets: readonly (Geometry | null | undefined)[];
  readonly street: { readonly plts: ArrayLike<number>; readonly basis: ArrayLike<number> };
  /** Every rated crossing vertex: location, PLTS, CONTROLS index. */
  readonly crossingPoints: { readonly lng: ArrayLike<number>; readonly lat: ArrayLike<number>; readonly plts: ArrayLike<number>; readonly control: ArrayLike<number> };
  readonly crossingHotspots: readonly { readonly lng: number; readonly lat: number }[];
  /** `way`: a street feature index. */
  readonly wayHotspots: readonly { readonly way: number }[];
}

/** The network's geometry indexed once per result; every sketch change reuses it. */
export interface MarksIndex {
  readonly input: MarksNetworkInput;
  /** Segments of rated or unrated streets: x0, y0, x1, y1 each, and the street each belongs to. */
  readonly seg: Float64Array;
  readonly segWay: Int32Array;
  readonly segIndex: Flatbush | null;
  readonly crossingIndex: Flatbush | null;
  readonly hotspotCrossingIndex: Flatbush | null;
  /** Street feature index → its way hotspot index. */
  readonly hotspotOfWay: ReadonlyMap<number, number>;
}

export interface HotspotChildren {
  /** Danger marks near the hotspot. */
  readonly danger: number;
  /** Drawn routes passing through it. */
  readonly routes: number;
}

export interface DisagreeMark {
  readonly id: string;
  readonly lng: number;
  readonly lat: number;
  readonly distanceM: number;
  /** The sketch's age band (`0_3`…`13_18`), null when not chosen. */
  readonly ageBand: string | null;
}

export interface Disagreement {
  readonly target: 'crossing' | 'way';
  /** The crossing point's index in crossingPoints, or -1. */
  readonly crossing: number;
  /** The way (street feature index): the one rated, or for a crossing the nearest way (a name to show), -1 when none. */
  readonly way: number;
  readonly plts: number;
  /** A crossing's control (CONTROLS) or a way's segment basis (SEGMENT_BASES). */
  readonly basis: string;
  /** Where to look: the crossing, or the point of the way nearest to the first mark. */
  readonly lng: number;
  readonly lat: number;
  /** The danger marks, by id. */
  readonly marks: readonly DisagreeMark[];
}

export interface ChildrenMarks {
  /** Per crossing hotspot, in the result's order. */
  readonly crossings: readonly HotspotChildren[];
  /** Per way hotspot, in the result's order. */
  readonly ways: readonly HotspotChildren[];
  readonly disagreements: readonly Disagreement[];
  /** Danger points and route lines counted. */
  readonly dangerMarks: number;
  readonly routeMarks: number;
}

const lineParts = (g: Geometry | null | undefined): readonly (readonly Position[])[] =>
  g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : [];

function pointIndex(lng: ArrayLike<number>, lat: ArrayLike<number>): Flatbush | null {
  if (lng.length === 0) return null;
  const ix = new Flatbush(lng.length);
  for (let i = 0; i < lng.length; i++) ix.add(lng[i]!, lat[i]!, lng[i]!, lat[i]!);
  ix.finish();
  return ix;
}

export function indexMarksNetwork(input: MarksNetworkInput): MarksIndex {
  const xs: number[] = [];
  const ways: number[] = [];
  input.streets.forEach((g, way) => {
    // A street the result does not rate (layers changed since the run) is left out, never guessed.
    if (way >= input.street.plts.length) return;
    for (const part of lineParts(g)) {
      for (let k = 0; k + 1 < part.length; k++) {
        xs.push(part[k]![0]!, part[k]![1]!, part[k + 1]![0]!, part[k + 1]![1]!);
        ways.push(way);
      }
    }
  });
  const seg = Float64Array.from(xs);
  let segIndex: Flatbush | null = null;
  if (ways.length > 0) {
    segIndex = new Flatbush(ways.length);
    for (let s = 0; s < ways.length; s++) {
      const o = s * 4;
      segIndex.add(Math.min(seg[o]!, seg[o + 2]!), Math.min(seg[o + 1]!, seg[o + 3]!), Math.max(seg[o]!, seg[o + 2]!), Math.max(seg[o + 1]!, seg[o + 3]!));
    }
    segIndex.finish();
  }
  const hs = input.crossingHotspots;
  return {
    input, seg, segWay: Int32Array.from(ways), segIndex,
    crossingIndex: pointIndex(input.crossingPoints.lng, input.crossingPoints.lat),
    hotspotCrossingIndex: pointIndex(hs.map((h) => h.lng), hs.map((h) => h.lat)),
    hotspotOfWay: new Map(input.wayHotspots.map((w, i) => [w.way, i])),
  };
}

const query = (ix: Flatbush | null, box: readonly [number, number, number, number]): number[] => (ix ? ix.search(box[0], box[1], box[2], box[3]) : []);

/** The union of two boxes, each grown by r metres (a segment's neighbourhood). */
function segmentBox(ax: number, ay: number, bx: number, by: number, r: number): [number, number, number, number] {
  const a = boxAround(ax, ay, r);
  const b = boxAround(bx, by, r);
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

interface Nearest { readonly index: number; readonly m: number; readonly t: number; readonly seg: number }

/** What is near one danger mark: the nearest crossing and way, and whether anything near is stressful or unrated. */
function around(ix: MarksIndex, lng: number, lat: number) {
  const f = frameAt(lat);
  const cp = ix.input.crossingPoints;
  let crossing: Nearest | null = null;
  let alarming = false;
  for (const i of query(ix.crossingIndex, boxAround(lng, lat, NEAR_CROSSING_M))) {
    const m = pointSegmentM(lng, lat, cp.lng[i]!, cp.lat[i]!, cp.lng[i]!, cp.lat[i]!, f).m;
    if (m > NEAR_CROSSING_M) continue;
    if (cp.plts[i]! >= 3) alarming = true;
    if (!crossing || m < crossing.m || (m === crossing.m && i < crossing.index)) crossing = { index: i, m, t: 0, seg: -1 };
  }
  let way: Nearest | null = null;
  const wayNear = new Set<number>();
  const s = ix.seg;
  for (const k of query(ix.segIndex, boxAround(lng, lat, NEAR_WAY_M))) {
    const o = k * 4;
    const d = pointSegmentM(lng, lat, s[o]!, s[o + 1]!, s[o + 2]!, s[o + 3]!, f);
    if (d.m > NEAR_WAY_M) continue;
    const w = ix.segWay[k]!;
    wayNear.add(w);
    const plts = ix.input.street.plts[w]!;
    if (plts === 0 || plts >= 3) alarming = true;
    if (!way || d.m < way.m || (d.m === way.m && k < way.seg)) way = { index: w, m: d.m, t: d.t, seg: k };
  }
  return { crossing, way, alarming, wayNear };
}

/** The nearest way's index to a crossing point (to name it), any distance within NEAR_CROSSING_M. */
function wayAt(ix: MarksIndex, lng: number, lat: number): number {
  const f = frameAt(lat);
  let best = -1;
  let bestM = Infinity;
  const s = ix.seg;
  for (const k of query(ix.segIndex, boxAround(lng, lat, NEAR_CROSSING_M))) {
    const o = k * 4;
    const m = pointSegmentM(lng, lat, s[o]!, s[o + 1]!, s[o + 2]!, s[o + 3]!, f).m;
    if (m < bestM || (m === bestM && ix.segWay[k]! < best)) {
      bestM = m;
      best = ix.segWay[k]!;
    }
  }
  return best;
}

type Point = SketchMark & { geometry: { type: 'Point'; coordinates: [number, number] } };
type Line = SketchMark & { geometry: { type: 'LineString'; coordinates: [number, number][] } };

export function countChildrenMarks(ix: MarksIndex, features: readonly SketchMark[]): ChildrenMarks {
  const { input } = ix;
  const crossings = input.crossingHotspots.map(() => ({ danger: 0, routes: 0 }));
  const ways = input.wayHotspots.map(() => ({ danger: 0, routes: 0 }));
  const dangers = features.filter((x): x is Point => x.properties.kind === 'danger' && x.geometry.type === 'Point');
  const routes = features.filter((x): x is Line => x.properties.kind === 'route' && x.geometry.type === 'LineString');
  const hs = input.crossingHotspots;
  const groups = new Map<string, { target: 'crossing' | 'way'; index: number; at: [number, number]; marks: DisagreeMark[] }>();

  for (const mark of dangers) {
    const [lng, lat] = mark.geometry.coordinates;
    const f = frameAt(lat);
    for (const i of query(ix.hotspotCrossingIndex, boxAround(lng, lat, NEAR_CROSSING_M))) {
      if (pointSegmentM(lng, lat, hs[i]!.lng, hs[i]!.lat, hs[i]!.lng, hs[i]!.lat, f).m <= NEAR_CROSSING_M) crossings[i]!.danger++;
    }
    const near = around(ix, lng, lat);
    for (const w of near.wayNear) {
      const h = ix.hotspotOfWay.get(w);
      if (h !== undefined) ways[h]!.danger++;
    }
    if (near.alarming || (!near.crossing && !near.way)) continue;
    const target = near.crossing ? 'crossing' : 'way';
    const n = (near.crossing ?? near.way)!;
    const key = `${target}:${n.index}`;
    let g = groups.get(key);
    if (!g) {
      const o = n.seg * 4;
      const s = ix.seg;
      const at: [number, number] = target === 'crossing'
        ? [input.crossingPoints.lng[n.index]!, input.crossingPoints.lat[n.index]!]
        : [s[o]! + n.t * (s[o + 2]! - s[o]!), s[o + 1]! + n.t * (s[o + 3]! - s[o + 1]!)];
      groups.set(key, (g = { target, index: n.index, at, marks: [] }));
    }
    g.marks.push({ id: mark.id, lng, lat, distanceM: n.m, ageBand: mark.properties.age_band ?? null });
  }

  for (const route of routes) {
    const c = route.geometry.coordinates;
    const hitCrossings = new Set<number>();
    const hitWays = new Set<number>();
    for (let k = 0; k + 1 < c.length; k++) {
      const [ax, ay] = c[k]!;
      const [bx, by] = c[k + 1]!;
      const f = frameAt((ay + by) / 2);
      for (const i of query(ix.hotspotCrossingIndex, segmentBox(ax, ay, bx, by, NEAR_CROSSING_M))) {
        if (!hitCrossings.has(i) && pointSegmentM(hs[i]!.lng, hs[i]!.lat, ax, ay, bx, by, f).m <= NEAR_CROSSING_M) hitCrossings.add(i);
      }
      for (const s of query(ix.segIndex, segmentBox(ax, ay, bx, by, NEAR_WAY_M))) {
        const h = ix.hotspotOfWay.get(ix.segWay[s]!);
        if (h === undefined || hitWays.has(h)) continue;
        const o = s * 4;
        if (segmentSegmentM(ax, ay, bx, by, ix.seg[o]!, ix.seg[o + 1]!, ix.seg[o + 2]!, ix.seg[o + 3]!, f) <= NEAR_WAY_M) hitWays.add(h);
      }
    }
    for (const i of hitCrossings) crossings[i]!.routes++;
    for (const h of hitWays) ways[h]!.routes++;
  }

  const cp = input.crossingPoints;
  const disagreements: Disagreement[] = [...groups.values()].map((g) => {
    if (g.target === 'crossing') {
      return { target: g.target, crossing: g.index, way: wayAt(ix, g.at[0], g.at[1]), plts: cp.plts[g.index]!,
        basis: CONTROLS[cp.control[g.index]!] ?? '', lng: g.at[0], lat: g.at[1], marks: g.marks };
    }
    return { target: g.target, crossing: -1, way: g.index, plts: input.street.plts[g.index]!,
      basis: SEGMENT_BASES[input.street.basis[g.index]!] ?? '', lng: g.at[0], lat: g.at[1], marks: g.marks };
  }).sort((a, b) => b.marks.length - a.marks.length || a.plts - b.plts || (a.target === b.target ? 0 : a.target === 'crossing' ? -1 : 1)
    || (a.target === 'crossing' ? a.crossing - b.crossing : a.way - b.way));
  return { crossings, ways, disagreements, dangerMarks: dangers.length, routeMarks: routes.length };
}
