/**
 * What the readers fill while streaming: every node's coordinates in typed arrays (no node objects), every
 * way's node refs in one pooled array, and tags only for the objects some layer can use (the interest filter).
 * After `seal()`, way refs are node positions (Int32), so geometry building never looks ids up again.
 */
import { IdIndex, grow } from './id-index';
import type { OsmInterest } from './interest';

export type Tags = Record<string, string>;
export type MemberType = 'n' | 'w' | 'r';
export interface RelationMember {
  readonly type: MemberType;
  readonly ref: number;
  readonly role: string;
}
export interface TaggedNode {
  readonly index: number;
  readonly id: number;
  readonly tags: Tags;
}
export interface TaggedWay {
  readonly index: number;
  readonly id: number;
  readonly tags: Tags;
}
export interface KeptRelation {
  readonly id: number;
  readonly tags: Tags;
  readonly members: readonly RelationMember[];
}

/** The readers' target. Coordinates in 1e-7 degrees (OSM's own precision) as integers. */
export interface OsmSink {
  addNode(id: number, lon7: number, lat7: number, tags: Tags | null): void;
  addWay(id: number, refs: ArrayLike<number>, refCount: number, tags: Tags | null): void;
  addRelation(id: number, tags: Tags | null, members: () => RelationMember[]): void;
}

const MAX_LON7 = 180e7;
const MAX_LAT7 = 90e7;

export class OsmStore implements OsmSink {
  readonly nodes = new IdIndex();
  lon7 = new Int32Array(1024);
  lat7 = new Int32Array(1024);
  readonly ways = new IdIndex();
  /** wayStart[i]..wayStart[i+1] are way i's refs in the pool. */
  private wayStart = new Int32Array(1024);
  private refIds: Float64Array | null = new Float64Array(4096);
  private refCount = 0;
  /** Node positions per ref after seal(); -1 where the node is missing from the file. */
  wayRefs = new Int32Array(0);
  readonly taggedNodes: TaggedNode[] = [];
  readonly taggedWays: TaggedWay[] = [];
  readonly relations: KeptRelation[] = [];
  counts = { nodes: 0, ways: 0, relations: 0 };
  /** Nodes left out for coordinates off the globe or missing, with a few example ids. */
  readonly badNodes = { count: 0, ids: [] as string[] };

  constructor(private readonly interest: OsmInterest) {}

  addNode(id: number, lon7: number, lat7: number, tags: Tags | null): void {
    // Off the globe or not a number: the Int32 columns would wrap (lon 500° reads as 70.5°), so refuse here.
    if (!(Math.abs(lon7) <= MAX_LON7 && Math.abs(lat7) <= MAX_LAT7)) {
      this.badNodes.count++;
      if (this.badNodes.ids.length < 5) this.badNodes.ids.push(`n${id}`);
      return;
    }
    const i = this.nodes.push(id);
    if (i >= this.lon7.length) {
      this.lon7 = grow(this.lon7, this.lon7.length * 2);
      this.lat7 = grow(this.lat7, this.lat7.length * 2);
    }
    this.lon7[i] = lon7;
    this.lat7[i] = lat7;
    this.counts.nodes++;
    if (tags && this.interest.node(tags)) this.taggedNodes.push({ index: i, id, tags });
  }

  addWay(id: number, refs: ArrayLike<number>, n: number, tags: Tags | null): void {
    const i = this.ways.push(id);
    if (i + 1 >= this.wayStart.length) this.wayStart = grow(this.wayStart, this.wayStart.length * 2);
    let pool = this.refIds as Float64Array;
    if (this.refCount + n > pool.length) pool = this.refIds = grow(pool, Math.max(pool.length * 2, this.refCount + n));
    for (let k = 0; k < n; k++) pool[this.refCount + k] = refs[k];
    this.wayStart[i] = this.refCount;
    this.refCount += n;
    this.wayStart[i + 1] = this.refCount;
    this.counts.ways++;
    if (tags && this.interest.way(tags)) this.taggedWays.push({ index: i, id, tags });
  }

  addRelation(id: number, tags: Tags | null, members: () => RelationMember[]): void {
    this.counts.relations++;
    if (tags && this.interest.relation(tags)) this.relations.push({ id, tags, members: members() });
  }

  /** Ends reading: resolves every way ref to a node position and frees the id pool. */
  seal(): void {
    this.nodes.seal();
    this.ways.seal();
    this.lon7 = this.lon7.slice(0, this.nodes.count);
    this.lat7 = this.lat7.slice(0, this.nodes.count);
    const pool = this.refIds as Float64Array;
    const out = new Int32Array(this.refCount);
    let last = -2;
    for (let k = 0; k < this.refCount; k++) {
      // Consecutive refs are often consecutive nodes: try the neighbour before a binary search.
      const id = pool[k];
      const guess = last + 1;
      last = guess >= 0 && guess < this.nodes.count && this.nodes.ids[guess] === id ? guess : this.nodes.indexOf(id);
      out[k] = last;
    }
    this.wayRefs = out;
    this.refIds = null;
  }

  /** Node positions of way `wayIndex` (a view, not a copy); contains -1 for missing nodes. */
  wayNodes(wayIndex: number): Int32Array {
    return this.wayRefs.subarray(this.wayStart[wayIndex], this.wayStart[wayIndex + 1]);
  }

  lngLat(nodeIndex: number): [number, number] {
    return [this.lon7[nodeIndex] / 1e7, this.lat7[nodeIndex] / 1e7];
  }
}
