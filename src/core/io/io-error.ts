/**
 * Failures a reader can raise: a stable code (i18n key) plus parameters, never a sentence.
 * Readers throw IoFailure; readLayer turns it into a JobResult error.
 */
import type { JobError } from '../jobs';

export const IO_ERRORS = {
  empty: 'error.io.empty',
  truncated: 'error.io.truncated',
  notGeographic: 'error.io.not-geographic',
  jsonSyntax: 'error.io.json-syntax',
  jsonNoGeometry: 'error.io.json-no-geometry',
  csvNoCoordinates: 'error.io.csv-no-coordinates',
  tooLarge: 'error.io.too-large',
  looksProjected: 'error.io.looks-projected',
  unknownCrs: 'error.io.unknown-crs',
  corrupt: 'error.io.corrupt',
  unsupportedFormat: 'error.io.unsupported-format',
  osmUnsupportedYet: 'error.io.osm-unsupported-yet',
  shpNeedsZip: 'error.io.shp-needs-zip',
  zipNoShapefile: 'error.io.zip-no-shapefile',
  gpkgNoFeatures: 'error.io.gpkg-no-features',
  gpkgWasmUnavailable: 'error.io.gpkg-wasm-unavailable',
  noSource: 'error.io.no-source',
  internal: 'error.io.internal',
} as const;

export type IoErrorCode = (typeof IO_ERRORS)[keyof typeof IO_ERRORS];

type Params = Readonly<Record<string, string | number>>;

export class IoFailure extends Error {
  readonly code: IoErrorCode;
  readonly params: Params;
  constructor(code: IoErrorCode, params: Params) {
    super(code);
    this.name = 'IoFailure';
    this.code = code;
    this.params = params;
  }
  toJobError(): JobError {
    return { code: this.code, params: this.params };
  }
}

export const fail = (code: IoErrorCode, params: Params): never => {
  throw new IoFailure(code, params);
};

/** A failure already expressed as a JobError by another module (the OSM importer), passed on as is. */
export class PassedOnFailure extends Error {
  constructor(readonly error: JobError) {
    super(error.code);
    this.name = 'PassedOnFailure';
  }
}
