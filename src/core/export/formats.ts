/**
 * Export layers as files: GeoJSON (one file a layer), FlatGeobuf (one a layer, with its spatial index, so
 * features come in the index's order), CSV (one a layer, WKT geometry) and GeoPackage (one file with a table
 * per layer). Deterministic: the bytes depend on the layers and the run date only.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { writeFlatGeobuf } from '../io/fgb-write';
import { writeGeoPackage } from '../io/gpkg-write';
import { layerToCsv } from './layer-csv';
import type { ExportLayer } from './result-layers';

type SqlModule = Parameters<typeof writeGeoPackage>[0];

export const EXPORT_FORMATS = ['geojson', 'fgb', 'csv', 'gpkg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const isExportFormat = (s: string): s is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(s);

export interface ExportFile {
  readonly name: string;
  readonly format: ExportFormat;
  /** The layers in the file and how many features each holds (a GeoPackage holds them all). */
  readonly layers: readonly { readonly layer: string; readonly features: number }[];
  readonly bytes: Uint8Array;
}

export interface ExportFileOptions {
  /** Needed for gpkg (geopackage.ts loadSqlJs). */
  readonly sql?: SqlModule;
  /** The run date, YYYY-MM-DD: the GeoPackage's last_change. */
  readonly date: string;
  /** Name of the GeoPackage file without extension. */
  readonly gpkgName?: string;
}

const utf8 = new TextEncoder();

/**
 * FlatGeobuf has no feature without a geometry and no structured attribute: such features are left out
 * (the count in the file list says so) and objects become JSON text.
 */
function forFlatGeobuf(fc: FeatureCollection<Geometry | null>): FeatureCollection {
  const features = fc.features.flatMap((f): Feature[] => {
    if (!f.geometry) return [];
    const props = f.properties ?? {};
    const flat = Object.values(props).some((v) => v !== null && typeof v === 'object')
      ? Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v !== null && typeof v === 'object' ? JSON.stringify(v) : v]))
      : props;
    return [{ ...f, geometry: f.geometry, properties: flat }];
  });
  return { type: 'FeatureCollection', features };
}

export function exportFiles(layers: readonly ExportLayer[], formats: readonly ExportFormat[], o: ExportFileOptions): ExportFile[] {
  const files: ExportFile[] = [];
  for (const format of EXPORT_FORMATS) {
    if (!formats.includes(format)) continue;
    if (format === 'gpkg') {
      if (!o.sql) throw new Error('exportFiles: gpkg needs the sql.js module');
      const bytes = writeGeoPackage(o.sql, layers, { lastChange: `${o.date}T00:00:00.000Z` });
      files.push({ name: `${o.gpkgName ?? 'export'}.gpkg`, format, layers: layers.map((l) => ({ layer: l.name, features: l.data.features.length })), bytes });
      continue;
    }
    for (const l of layers) {
      if (format === 'geojson') {
        files.push({ name: `${l.name}.geojson`, format, layers: [{ layer: l.name, features: l.data.features.length }], bytes: utf8.encode(JSON.stringify(l.data)) });
      } else if (format === 'csv') {
        files.push({ name: `${l.name}.csv`, format, layers: [{ layer: l.name, features: l.data.features.length }], bytes: utf8.encode(layerToCsv(l.data)) });
      } else {
        const fc = forFlatGeobuf(l.data);
        files.push({ name: `${l.name}.fgb`, format, layers: [{ layer: l.name, features: fc.features.length }], bytes: writeFlatGeobuf(fc, { name: l.name }) });
      }
    }
  }
  return files;
}
