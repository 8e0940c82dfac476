/**
 * OSM XML (optionally gzip-compressed) streamed through fflate's Gunzip (bounded) and saxes, in chunks: the whole
 * text is never held in memory, and the caller gets control back after every chunk (progress, cancel).
 */
import { SaxesParser } from 'saxes';
import { InflateCorruptError, InflateLimitError, createBoundedInflater, type BoundedInflater } from '../inflate-bounded';
import { OSM_MAX_INFLATED_BYTES, mib } from './limits';
import { OsmImportError } from './errors';
import type { MemberType, OsmSink, RelationMember, Tags } from './osm-store';

const CHUNK = 1 << 20;
/** Compressed bytes per step of .osm.gz: even a bomb inflates to at most ~32 MiB between two yields. */
const GZ_CHUNK = 32 << 10;

interface Current {
  kind: 'node' | 'way' | 'relation';
  id: number;
  lon7: number;
  lat7: number;
  tags: Tags | null;
  refs: number[];
  members: RelationMember[];
  skip: boolean;
}

/**
 * A copy of an attribute value that does not point into the parser's chunk of text. V8 keeps a substring as a
 * slice of its parent: one kept tag value would hold its whole decoded chunk (hundreds of KB) for as long as
 * the layers live (moscow.osm.gz: 3 MB of XML text retained by 1,071 features). Concatenating, then slicing,
 * makes V8 flatten the value into a string of its own.
 */
const detach = (s: string): string => (' ' + s).slice(1);

function makeParser(sink: OsmSink, state: { sawRoot: boolean; rootClosed: boolean }): SaxesParser {
  const parser = new SaxesParser({ position: true });
  let cur: Current | null = null;
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    switch (tag.name) {
      case 'osm':
        state.sawRoot = true;
        return;
      case 'node':
      case 'way':
      case 'relation':
        cur = {
          kind: tag.name,
          id: Number(a.id),
          lon7: Math.round(Number(a.lon) * 1e7),
          lat7: Math.round(Number(a.lat) * 1e7),
          tags: null,
          refs: [],
          members: [],
          // JOSM files keep deleted objects with action="delete"; they are not part of the data.
          skip: a.action === 'delete' || a.visible === 'false',
        };
        return;
      case 'tag':
        if (cur && a.k !== undefined) (cur.tags ??= {})[detach(a.k)] = detach(a.v ?? '');
        return;
      case 'nd':
        if (cur) cur.refs.push(Number(a.ref));
        return;
      case 'member':
        if (cur) cur.members.push({ type: (a.type?.[0] ?? 'n') as MemberType, ref: Number(a.ref), role: detach(a.role ?? '') });
        return;
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'osm') state.rootClosed = true;
    const c = cur as Current | null;
    if (!c || tag.name !== c.kind) return;
    cur = null;
    if (c.skip || !Number.isFinite(c.id)) return;
    if (c.kind === 'node') {
      sink.addNode(c.id, c.lon7, c.lat7, c.tags);
    } else if (c.kind === 'way') sink.addWay(c.id, c.refs, c.refs.length, c.tags);
    else sink.addRelation(c.id, c.tags, () => c.members);
  });
  return parser;
}

/** Feeds the file to the sink chunk by chunk; yields the fraction of input bytes consumed. */
export function* readOsmXml(bytes: Uint8Array, gzipped: boolean, sink: OsmSink, maxInflated = OSM_MAX_INFLATED_BYTES): Generator<number> {
  const state = { sawRoot: false, rootClosed: false };
  const parser = makeParser(sink, state);
  const decoder = new TextDecoder();
  const feed = (chunk: Uint8Array, final: boolean) => {
    const malformed = (e: unknown) =>
      new OsmImportError('osm.xml_malformed', { line: parser.line, column: parser.column, detail: String((e as Error).message).slice(0, 120) });
    try {
      parser.write(decoder.decode(chunk, { stream: !final }));
    } catch (e) {
      throw malformed(e);
    }
    if (!final) return;
    try {
      parser.close();
    } catch (e) {
      // Errors at the end of the input are unclosed elements: the file was cut short.
      throw state.sawRoot && !state.rootClosed ? new OsmImportError('osm.xml_truncated') : malformed(e);
    }
  };
  // Inflated in small steps and counted: a gzip bomb stops at the limit (limits.ts).
  let gunzip: BoundedInflater | null = null;
  if (gzipped) gunzip = createBoundedInflater('gzip', maxInflated, feed);
  const step = gzipped ? GZ_CHUNK : CHUNK;
  for (let pos = 0; pos < bytes.length || (pos === 0 && bytes.length === 0); pos += step) {
    const end = Math.min(bytes.length, pos + step);
    const final = end >= bytes.length;
    const slice = bytes.subarray(pos, end);
    if (gunzip) {
      try {
        gunzip.push(slice, final);
      } catch (e) {
        if (e instanceof OsmImportError) throw e;
        if (e instanceof InflateLimitError) throw new OsmImportError('osm.inflated_too_large', { sizeMiB: mib(e.produced), limitMiB: mib(e.limit) });
        // A download cut short ends inside a deflate block: say so, not "damaged".
        if (e instanceof InflateCorruptError && e.eof) throw new OsmImportError('osm.xml_truncated');
        throw new OsmImportError('osm.gzip_corrupt');
      }
    } else feed(slice, final);
    yield end / Math.max(1, bytes.length);
    if (final) break;
  }
  if (!state.sawRoot) throw new OsmImportError('osm.xml_malformed', { line: parser.line, column: parser.column, detail: 'no <osm> root' });
  if (!state.rootClosed) throw new OsmImportError('osm.xml_truncated');
}
