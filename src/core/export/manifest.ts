/** manifest.json of a data export, the app's and the command line's alike, and the app's request and answer (types only: the app's bundle needs no writer). */
import type { ExportLayer } from './result-layers';

export interface DataManifestEntry {
  readonly name: string;
  readonly format: string;
  readonly layer: string;
  readonly features: number;
  readonly bytes: number;
  readonly sha256: string;
}

/** manifest.json, the one shape the app and `npm run export` write. */
export interface DataManifest {
  readonly tool: 'cfc-planner';
  readonly command: 'export';
  readonly date: string;
  readonly rules: { readonly id: string; readonly version: string } | null;
  readonly files: readonly DataManifestEntry[];
}

export interface DataZipRequest {
  readonly layers: readonly ExportLayer[];
  /** formats.ts EXPORT_FORMATS, spelled out here so the app's bundle does not load the writers. */
  readonly formats: readonly ('geojson' | 'fgb' | 'csv' | 'gpkg')[];
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly rules: DataManifest['rules'];
  readonly gpkgName?: string;
}

export interface DataZip {
  readonly bytes: Uint8Array;
  readonly manifest: DataManifest;
}
