// Types for dependencies that ship none. Referenced with /// <reference> by the files that use them,
// so every tsconfig that reaches those files sees these declarations.
declare module 'wellknown' {
  import type { Geometry } from 'geojson';
  export function parse(wkt: string): Geometry | null;
  export function stringify(g: Geometry): string;
  const wellknown: { parse: typeof parse; stringify: typeof stringify };
  export default wellknown;
}

declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Geometries of a .shp (reprojected when prj is a proj4-readable WKT string). */
  export function parseShp(shp: ArrayBuffer | DataView | Uint8Array, prj?: string | false): (Geometry | null)[];
  /** Rows of a .dbf, decoded with the code page named by the .cpg text. */
  export function parseDbf(dbf: ArrayBuffer | DataView | Uint8Array, cpg?: string): Record<string, unknown>[];
}

// Vite turns this import into the emitted asset's URL (workers/io.worker.ts).
declare module 'sql.js/dist/sql-wasm-browser.wasm?url' {
  const url: string;
  export default url;
}
