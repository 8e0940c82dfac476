/** The OSM file format from its first bytes, never from the file name (names lie; bytes do not). */
import { looksLikePbf } from './pbf-reader';

export type OsmFormat = 'pbf' | 'xml' | 'xml.gz';

export function detectOsmFormat(b: Uint8Array): OsmFormat | undefined {
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return 'xml.gz';
  if (looksLikePbf(b)) return 'pbf';
  // XML: optional UTF-8 BOM and whitespace, then '<?xml' or '<osm'.
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  const head = new TextDecoder().decode(b.subarray(i, i + 5));
  return head === '<?xml' || head.startsWith('<osm') ? 'xml' : undefined;
}
