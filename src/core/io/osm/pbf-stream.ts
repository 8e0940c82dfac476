/** Walks an OSM PBF file block by block into the sink; yields the fraction of bytes consumed. */
import { OsmImportError } from './errors';
import type { OsmSink } from './osm-store';
import { OSM_MAX_INFLATED_BYTES, mib } from './limits';
import { checkHeaderBlock, decodePrimitiveBlock, readBlock } from './pbf-reader';

/** `maxInflated`: the total unpacked bytes allowed (limits.ts; tests pass a smaller one). */
export function* readOsmPbf(bytes: Uint8Array, sink: OsmSink, maxInflated = OSM_MAX_INFLATED_BYTES): Generator<number> {
  let pos = 0;
  let blockIdx = 0;
  let inflated = 0;
  while (pos < bytes.length) {
    const block = readBlock(bytes, pos, blockIdx);
    inflated += block.data.length;
    if (inflated > maxInflated) {
      throw new OsmImportError('osm.inflated_too_large', { block: blockIdx, sizeMiB: mib(inflated), limitMiB: mib(maxInflated) });
    }
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
