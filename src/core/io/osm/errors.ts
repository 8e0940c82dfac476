/** Failures of the OSM import as stable codes (i18n keys `error.<code>` in locales/<lang>/osm.json). */
export type OsmErrorCode =
  | 'osm.format_unknown'
  | 'osm.empty'
  | 'osm.gzip_corrupt'
  | 'osm.xml_malformed'
  | 'osm.xml_truncated'
  | 'osm.pbf_truncated'
  | 'osm.pbf_corrupt'
  | 'osm.pbf_unsupported'
  | 'osm.pbf_block_too_large'
  | 'osm.inflated_too_large'
  | 'osm.read_failed';

export class OsmImportError extends Error {
  constructor(
    readonly code: OsmErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'OsmImportError';
  }
}
