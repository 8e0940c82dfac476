/**
 * A minimal OSM PBF writer for test files, by the format's spec (https://wiki.openstreetmap.org/wiki/PBF_Format):
 * one OSMHeader block, one OSMData block holding a StringTable, DenseNodes, Ways and Relations, zlib-compressed.
 * Written with the `pbf` package and node:zlib, sharing no code with src/core/io/osm/pbf-reader.ts.
 * `recordOsmXml` turns an .osm text into the objects this writes, so a PBF seed holds the same data as tiny.osm.
 */
import { deflateSync } from 'node:zlib';
import { PbfWriter as Pbf } from 'pbf';
import { readOsmXml } from '../../../../src/core/io/osm/xml-reader';
import type { OsmSink, RelationMember, Tags } from '../../../../src/core/io/osm/osm-store';
import { concat, fileBlock } from '../hostile/bomb-builders';

export interface OsmNode { id: number; lon7: number; lat7: number; tags: Tags | null }
export interface OsmWay { id: number; refs: number[]; tags: Tags | null }
export interface OsmRelation { id: number; tags: Tags | null; members: RelationMember[] }
export interface OsmData { nodes: OsmNode[]; ways: OsmWay[]; relations: OsmRelation[] }

/** The objects of an .osm file, as the XML reader hands them to its sink. */
export function recordOsmXml(xml: Uint8Array): OsmData {
  const data: OsmData = { nodes: [], ways: [], relations: [] };
  const sink: OsmSink = {
    addNode: (id, lon7, lat7, tags) => void data.nodes.push({ id, lon7, lat7, tags }),
    addWay: (id, refs, n, tags) => void data.ways.push({ id, refs: Array.from({ length: n }, (_, i) => refs[i]), tags }),
    addRelation: (id, tags, members) => void data.relations.push({ id, tags, members: members() }),
  };
  for (const _ of readOsmXml(xml, false, sink)) void _;
  return data;
}

const MEMBER_TYPE = { n: 0, w: 1, r: 2 } as const;
const deltas = (xs: readonly number[]) => xs.map((x, i) => x - (i ? xs[i - 1] : 0));

/** The PrimitiveBlock bytes (uncompressed) of `data`, granularity 100 (so coordinates are in 1e-7°). */
export function primitiveBlock(data: OsmData): Uint8Array {
  const strings = [''];
  const sid = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const kv = (t: Tags | null) => Object.entries(t ?? {}).map(([k, v]) => [sid(k), sid(v)] as const);
  const group = new Pbf();
  if (data.nodes.length) {
    group.writeMessage(2, (nodes: OsmNode[], p: Pbf) => {
      p.writePackedSVarint(1, deltas(nodes.map((n) => n.id)));
      p.writePackedSVarint(8, deltas(nodes.map((n) => n.lat7)));
      p.writePackedSVarint(9, deltas(nodes.map((n) => n.lon7)));
      if (nodes.some((n) => n.tags)) p.writePackedVarint(10, nodes.flatMap((n) => [...kv(n.tags).flat(), 0]));
    }, data.nodes);
  }
  for (const w of data.ways) {
    group.writeMessage(3, (way: OsmWay, p: Pbf) => {
      p.writeVarintField(1, way.id);
      const tags = kv(way.tags);
      p.writePackedVarint(2, tags.map((t) => t[0]));
      p.writePackedVarint(3, tags.map((t) => t[1]));
      p.writePackedSVarint(8, deltas(way.refs));
    }, w);
  }
  for (const r of data.relations) {
    group.writeMessage(4, (rel: OsmRelation, p: Pbf) => {
      p.writeVarintField(1, rel.id);
      const tags = kv(rel.tags);
      p.writePackedVarint(2, tags.map((t) => t[0]));
      p.writePackedVarint(3, tags.map((t) => t[1]));
      p.writePackedVarint(8, rel.members.map((m) => sid(m.role)));
      p.writePackedSVarint(9, deltas(rel.members.map((m) => m.ref)));
      p.writePackedVarint(10, rel.members.map((m) => MEMBER_TYPE[m.type]));
    }, r);
  }
  const groupBytes = group.finish();
  const block = new Pbf();
  block.writeMessage(1, (ss: string[], p: Pbf) => ss.forEach((s) => p.writeBytesField(1, new TextEncoder().encode(s))), strings);
  block.writeBytesField(2, groupBytes);
  return block.finish();
}

/** An OSMHeader block requiring OsmSchema-V0.6 and DenseNodes. */
export function osmHeaderBlock(): Uint8Array {
  const p = new Pbf();
  p.writeStringField(4, 'OsmSchema-V0.6');
  p.writeStringField(4, 'DenseNodes');
  const raw = p.finish();
  return fileBlock('OSMHeader', { zlib: new Uint8Array(deflateSync(raw)), rawSize: raw.length });
}

/** A whole .osm.pbf: header block, then one data block per PrimitiveBlock given (raw bytes, zlib-compressed here). */
export function osmPbf(...blocks: Uint8Array[]): Uint8Array {
  return concat(osmHeaderBlock(), ...blocks.map((raw) => fileBlock('OSMData', { zlib: new Uint8Array(deflateSync(raw)), rawSize: raw.length })));
}
