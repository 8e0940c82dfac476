/**
 * What the readers fill while streaming: every node's coordinates in typed arrays (no node objects), every
 * way's node refs in one pooled array, and tags only for the objects some layer can use (the interest filter).
 * `seal()` resolves way refs to node positions (Int32), so geometry building never looks ids up again, and
 * compacts the store to what a layer can use: the ways with tags of interest or in a kept relation, and the
 * nodes they (or a tagged node) use. Node and way ids are dropped then (the peak memory of the import is this
 * store plus the GeoJSON built from it); `release()` frees the rest once the layers are built.
 */
import { Column, IdIndex, type NumberSource } from './id-index';
import type { OsmInterest } from './interest';

export type Tags = Record<string, string>;
export type MemberType = 'n' | 'w' | 'r';
export interface RelationMember {
  readonly type: MemberType;
  readonly ref: number;
  readonly role: string;
}
export interface TaggedNode {
  /** Position in the coordinate columns (renumbered by seal()). */
  index: number;
  readonly id: number;
  readonly tags: Tags;
}
export interface TaggedWay {
  /** Position in the way columns (renumbered by seal()). */
  index: number;
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

const flat = (a: Int32Array): NumberSource => ({ get: (i) => a[i] });

/** Removes, in place and in order, the items that fail `keep`. */
function keepWhere<T>(items: T[], keep: (item: T) => boolean): void {
  let j = 0;
  for (const item of items) if (keep(item)) items[j++] = item;
  items.length = j;
}

const MAX_LON7 = 180e7;
const MAX_LAT7 = 90e7;
/** At most this many nodes of the file are kept (before compaction) to tell which country holds the data. */
const COUNTRY_SAMPLES = 2000;

export class OsmStore implements OsmSink {
  private nodes: IdIndex | null = new IdIndex();
  /** Coordinates while reading (chunked); lon7/lat7 once sealed. */
  private lonCol: Column | null = new Column('int32');
  private latCol: Column | null = new Column('int32');
  lon7 = new Int32Array(0);
  lat7 = new Int32Array(0);
  private ways: IdIndex | null = new IdIndex();
  /** wayStart[i]..wayStart[i+1] are way i's refs in the pool (chunked while reading). */
  private startCol: Column | null = new Column('int32');
  private wayStart = new Int32Array(1);
  private refIds: Column | null = new Column('float64');
  private refCount = 0;
  /** Node positions per ref after seal(); -1 where the node is missing from the file. */
  wayRefs = new Int32Array(0);
  /** After seal(): id → position of the ways kept relations name as members. */
  private memberWays = new Map<number, number>();
  /** Evenly spaced nodes of the whole file, [lng, lat], taken by seal() before compaction (country detection). */
  countrySamples: [number, number][] = [];
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
    const i = (this.nodes as IdIndex).push(id);
    (this.lonCol as Column).push(lon7);
    (this.latCol as Column).push(lat7);
    this.counts.nodes++;
    if (tags && this.interest.node(tags)) this.taggedNodes.push({ index: i, id, tags });
  }

  addWay(id: number, refs: ArrayLike<number>, n: number, tags: Tags | null): void {
    const i = (this.ways as IdIndex).push(id);
    const pool = this.refIds as Column;
    for (let k = 0; k < n; k++) pool.push(refs[k]);
    (this.startCol as Column).push(this.refCount);
    this.refCount += n;
    this.counts.ways++;
    if (tags && this.interest.way(tags)) this.taggedWays.push({ index: i, id, tags });
  }

  addRelation(id: number, tags: Tags | null, members: () => RelationMember[]): void {
    this.counts.relations++;
    if (tags && this.interest.relation(tags)) this.relations.push({ id, tags, members: members() });
  }

  /** Ends reading: resolves every way ref to a node position, then compacts (see the file comment). */
  seal(): void {
    const pool = this.refIds as Column;
    const starts = this.startCol as Column;
    const lon = this.lonCol as Column;
    const lat = this.latCol as Column;
    this.refIds = this.startCol = this.lonCol = this.latCol = null;
    starts.push(this.refCount);
    const nodeCount = this.resolveRefs(pool, lon, lat);
    this.compact(pool, starts, nodeCount, this.keptWays(), lon, lat);
  }

  /** Refs become node positions in place (a float64 holds them exactly); node ids are dropped after. */
  private resolveRefs(pool: Column, lon: Column, lat: Column): number {
    const nodes = this.nodes as IdIndex;
    this.nodes = null;
    nodes.seal();
    const n = nodes.count;
    const step = Math.max(1, Math.floor(n / COUNTRY_SAMPLES));
    for (let i = 0; i < n; i += step) this.countrySamples.push([lon.get(i) / 1e7, lat.get(i) / 1e7]);
    let last = -2;
    for (let k = 0; k < this.refCount; k++) {
      // Consecutive refs are often consecutive nodes: try the neighbour before a binary search.
      const id = pool.get(k);
      const guess = last + 1;
      last = guess >= 0 && guess < n && nodes.ids.get(guess) === id ? guess : nodes.indexOf(id);
      pool.set(k, last);
    }
    return n;
  }

  /**
   * Ways some layer reads: the tagged ones and the members of kept relations (looked up by id as assembly
   * did before compaction). 0 = kept, -1 = dropped; way ids are dropped after.
   */
  private keptWays(): Int32Array {
    const ways = this.ways as IdIndex;
    this.ways = null;
    ways.seal();
    const kept = new Int32Array(ways.count).fill(-1);
    for (const w of this.taggedWays) kept[w.index] = 0;
    for (const r of this.relations) {
      for (const m of r.members) {
        if (m.type !== 'w') continue;
        const wi = ways.indexOf(m.ref);
        if (wi >= 0) kept[wi] = 0;
        this.memberWays.set(m.ref, wi);
      }
    }
    return kept;
  }

  /**
   * Keeps only what the layers still to be built read: the tagged nodes, ways and relations passing the
   * tests (in their order), the member ways of the relations kept, and the nodes of all those; the rest is
   * freed. The builders call it between layers, so the store shrinks as the output grows.
   */
  retain(keep: { node: (t: Tags) => boolean; way: (t: Tags) => boolean; relation: (t: Tags) => boolean }): void {
    keepWhere(this.taggedNodes, (n) => keep.node(n.tags));
    keepWhere(this.taggedWays, (w) => keep.way(w.tags));
    keepWhere(this.relations, (r) => keep.relation(r.tags));
    const kept = new Int32Array(this.wayStart.length - 1).fill(-1);
    for (const w of this.taggedWays) kept[w.index] = 0;
    const members = new Map<number, number>();
    for (const r of this.relations) {
      for (const m of r.members) {
        if (m.type !== 'w') continue;
        const wi = this.wayIndex(m.ref);
        if (wi >= 0) kept[wi] = 0;
        members.set(m.ref, wi);
      }
    }
    this.memberWays = members;
    this.compact(flat(this.wayRefs), flat(this.wayStart), this.lon7.length, kept, flat(this.lon7), flat(this.lat7));
  }

  /** Renumbers the kept ways, and the nodes they or a tagged node use, in file order; copies only those. */
  private compact(pool: NumberSource, start: NumberSource, nodeCount: number, keptWay: Int32Array, lon: NumberSource, lat: NumberSource): void {
    const nodeMap = new Int32Array(nodeCount).fill(-1);
    let wayCount = 0;
    let refCount = 0;
    for (let w = 0; w < keptWay.length; w++) {
      if (keptWay[w] < 0) continue;
      keptWay[w] = wayCount++;
      const end = start.get(w + 1);
      for (let k = start.get(w); k < end; k++) {
        const n = pool.get(k);
        if (n >= 0) nodeMap[n] = 0;
      }
      refCount += end - start.get(w);
    }
    for (const n of this.taggedNodes) nodeMap[n.index] = 0;
    let used = 0;
    for (let i = 0; i < nodeCount; i++) if (nodeMap[i] === 0) nodeMap[i] = used++;
    const lon7 = new Int32Array(used);
    const lat7 = new Int32Array(used);
    for (let i = 0; i < nodeCount; i++) {
      const j = nodeMap[i];
      if (j < 0) continue;
      lon7[j] = lon.get(i);
      lat7[j] = lat.get(i);
    }
    this.lon7 = lon7;
    this.lat7 = lat7;
    const refs = new Int32Array(refCount);
    const starts = new Int32Array(wayCount + 1);
    let r = 0;
    for (let w = 0; w < keptWay.length; w++) {
      if (keptWay[w] < 0) continue;
      starts[keptWay[w]] = r;
      const end = start.get(w + 1);
      for (let k = start.get(w); k < end; k++) {
        const n = pool.get(k);
        refs[r++] = n >= 0 ? nodeMap[n] : -1;
      }
    }
    starts[wayCount] = r;
    this.wayRefs = refs;
    this.wayStart = starts;
    this.refCount = r;
    for (const n of this.taggedNodes) n.index = nodeMap[n.index];
    for (const w of this.taggedWays) w.index = keptWay[w.index];
    for (const [id, wi] of this.memberWays) this.memberWays.set(id, wi < 0 ? -1 : keptWay[wi]);
  }

  /** After seal(): position of a relation member way by id, or -1 when the file does not hold it. */
  wayIndex(id: number): number {
    return this.memberWays.get(id) ?? -1;
  }

  /** Frees the columns, tags and relations once the layers are built (the store is empty after). */
  release(): void {
    const none = () => false;
    this.retain({ node: none, way: none, relation: none });
    this.countrySamples = [];
  }

  /** Node positions of way `wayIndex` (a view, not a copy); contains -1 for missing nodes. */
  wayNodes(wayIndex: number): Int32Array {
    return this.wayRefs.subarray(this.wayStart[wayIndex], this.wayStart[wayIndex + 1]);
  }

  lngLat(nodeIndex: number): [number, number] {
    return [this.lon7[nodeIndex] / 1e7, this.lat7[nodeIndex] / 1e7];
  }
}
