/** Walks an OSM PBF file block by block into the sink; yields the fraction of bytes consumed. */
import { OsmImportError } from './errors';
import type { OsmSink } from './osm-store';
import { checkHeaderBlock, decodePrimitiveBlock, readBlock } from './pbf-reader';

export function* readOsmPbf(bytes: Uint8Array, sink: OsmSink): Generator<number> {
  let pos = 0;
  let blockIdx = 0;
  while (pos < bytes.length) {
    const block = readBlock(bytes, pos, blockIdx);
    try {
      if (block.type === 'OSMHeader') checkHeaderBlock(block.data);
      else if (block.type === 'OSMData') decodePrimitiveBlock(block.data, sink);
    } catch (e) {
      if (e instanceof OsmImportError) throw e;
      throw new OsmImportError('osm.pbf_corrupt', { block: blockIdx });
    }
    pos = block.end;
    blockIdx++;
    yield pos / bytes.length;
  }
}
