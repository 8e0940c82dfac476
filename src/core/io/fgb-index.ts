/**
 * The packed Hilbert R-tree of a FlatGeobuf file, searched with ranged reads so a bbox query touches
 * only the index nodes and features it needs. Our own walk rather than flatgeobuf's streamSearch:
 * that one logs every step with console.debug and works on URLs or whole arrays, not on Blob slices.
 */
import type { BBox } from '../model';

const NODE_BYTES = 40;

/** Index size in bytes; 0 without an index. Guarded: calcTreeSize loops forever on 0 items. */
export function treeSize(numItems: number, nodeSize: number): number {
  if (nodeSize < 2 || numItems < 1 || !Number.isFinite(numItems)) return 0;
  let n = numItems;
  let nodes = n;
  while (n > 1) {
    n = Math.ceil(n / nodeSize);
    nodes += n;
  }
  if (numItems === 1) nodes += 1;
  return nodes * NODE_BYTES;
}

/** [start, end) node indexes per level, leaves first (flatgeobuf's layout: root is node 0). */
function levelBounds(numItems: number, nodeSize: number): [number, number][] {
  const counts = [numItems];
  let n = numItems;
  do {
    n = Math.ceil(n / nodeSize);
    counts.push(n);
  } while (n > 1);
  let end = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => {
    const b: [number, number] = [end - c, end];
    end -= c;
    return b;
  });
}

export type ReadIndex = (byteOffset: number, length: number) => Promise<Uint8Array>;

/** Byte offsets (into the feature section) of the features whose boxes intersect `rect`, ascending. */
export async function searchIndex(numItems: number, nodeSize: number, rect: BBox, read: ReadIndex): Promise<number[]> {
  const bounds = levelBounds(numItems, nodeSize);
  const top = bounds.length - 1;
  const out: number[] = [];
  const stack: [number, number][] = [[bounds[top][0], top]];
  // A hostile index could point many parents at the same children; a valid one visits each group once.
  let budget = bounds[0][1] + 1;
  while (stack.length) {
    if (budget-- < 0) throw new RangeError('index revisits nodes');
    const [start, level] = stack.pop()!;
    const end = Math.min(start + nodeSize, bounds[level][1]);
    if (start < bounds[level][0] || start >= end) throw new RangeError('index node out of range');
    const bytes = await read(start * NODE_BYTES, (end - start) * NODE_BYTES);
    if (bytes.byteLength < (end - start) * NODE_BYTES) throw new RangeError('index cut short');
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < end - start; i++) {
      const o = i * NODE_BYTES;
      if (dv.getFloat64(o, true) > rect[2] || dv.getFloat64(o + 8, true) > rect[3] || dv.getFloat64(o + 16, true) < rect[0] || dv.getFloat64(o + 24, true) < rect[1]) continue;
      const offset = Number(dv.getBigUint64(o + 32, true));
      if (level === 0) out.push(offset);
      else stack.push([offset, level - 1]);
    }
  }
  return out.sort((a, b) => a - b);
}
