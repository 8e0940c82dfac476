/**
 * Which reader a file needs: magic bytes first, the extension second. A PNG named .geojson is "not a
 * geographic file", not a JSON syntax error.
 */
export type Format = 'fgb' | 'geojson' | 'csv' | 'zip' | 'gpkg' | 'osm-xml' | 'osm-pbf' | 'gzip' | 'shp' | 'other-geo' | 'binary' | 'unknown';

export interface Sniffed {
  readonly format: Format;
  /** For 'binary' / 'other-geo': what it looks like (png, pdf, kml…), for the message. */
  readonly detected?: string;
}

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const BINARY_SIGNATURES: readonly (readonly [number[], string])[] = [
  [[0x89, 0x50, 0x4e, 0x47], 'png'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [ascii('GIF8'), 'gif'],
  [ascii('%PDF'), 'pdf'],
  [ascii('RIFF'), 'riff'],
  [[0x7f, 0x45, 0x4c, 0x46], 'elf'],
  [ascii('MZ'), 'exe'],
  [[0x42, 0x5a, 0x68], 'bzip2'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z'],
  [ascii('Rar!'), 'rar'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'ole'],
  [[0x49, 0x49, 0x2a, 0x00], 'tiff'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'tiff'],
];

export const lowerName = (fileName: string) => fileName.toLowerCase().trim();
export const isOsmName = (name: string) => /\.osm(\.gz|\.pbf|\.bz2)?$|\.pbf$/.test(lowerName(name));

export function sniffFormat(head: Uint8Array, fileName: string): Sniffed {
  const name = lowerName(fileName);
  if (startsWith(head, [0x66, 0x67, 0x62, 0x03])) return { format: 'fgb' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return { format: 'zip' };
  if (startsWith(head, ascii('SQLite format 3\0'))) return { format: 'gpkg' };
  if (startsWith(head, [0x1f, 0x8b])) return { format: 'gzip' };
  if (isOsmPbf(head)) return { format: 'osm-pbf' };
  if (startsWith(head, [0x00, 0x00, 0x27, 0x0a])) return { format: 'shp' };
  for (const [sig, kind] of BINARY_SIGNATURES) if (startsWith(head, sig)) return { format: 'binary', detected: kind };

  const text = textStart(head);
  if (text === undefined) return { format: 'binary', detected: 'unknown' };
  if (text.startsWith('{') || text.startsWith('[')) return { format: 'geojson' };
  if (text.startsWith('<')) {
    if (/<osm[\s>]/.test(text) || /\.osm$/.test(name)) return { format: 'osm-xml' };
    const kind = /<kml/i.test(text) ? 'kml' : /<gpx/i.test(text) ? 'gpx' : /<svg|<html/i.test(text) ? 'markup' : 'xml';
    return kind === 'markup' ? { format: 'binary', detected: 'html' } : { format: 'other-geo', detected: kind };
  }
  if (/\.(geo)?json$/.test(name)) return { format: 'geojson' };
  if (/\.(csv|tsv|txt)$/.test(name)) return { format: 'csv' };
  if (/\.(fgb|gpkg|zip|shp)$/.test(name)) return { format: 'unknown', detected: name.split('.').pop() };
  // Delimited text with a header line: try CSV; its reader names the missing columns if it is not.
  if (/^[^\n]*[,;\t][^\n]*\n/.test(text)) return { format: 'csv' };
  return { format: 'unknown' };
}

/** OSM PBF: a 4-byte big-endian BlobHeader length, then a protobuf field 1 = "OSMHeader"/"OSMData". */
function isOsmPbf(head: Uint8Array): boolean {
  return head.length > 14 && head[0] === 0 && head[1] === 0 && head[4] === 0x0a && startsWith(head, ascii('OSM'), 6);
}

/** The head as text (BOM and leading whitespace removed), or undefined when it is binary. */
function textStart(head: Uint8Array): string | undefined {
  let controls = 0;
  for (const b of head) {
    if (b === 0) return undefined;
    if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  if (controls > head.length / 20) return undefined;
  // Not necessarily UTF-8: Chinese CSVs often come in GB 18030, which the CSV reader handles.
  return new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '').trimStart();
}
