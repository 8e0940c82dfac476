/**
 * What a readLayer answer means for the fuzzer: `ok` (layers that keep the loader's promises), `refused` (a
 * documented error code), or `crash`: an exception, a catch-all code (error.io.internal, osm.read_failed:
 * something threw inside a reader), an unknown code, or layers that break a promise (counts, coordinates off
 * the globe, unsafe keys, uncut text, NaN or Infinity in attributes). Hangs are the runner's to detect.
 */
import type { Position } from 'geojson';
import { IO_ERRORS } from '../../../../src/core/io/io-error';
import { MAX_TEXT_LENGTH } from '../../../../src/core/io/sanitize-properties';
import type { OsmErrorCode } from '../../../../src/core/io/osm/errors';
import type { JobResult } from '../../../../src/core/jobs';
import type { LoadedLayer } from '../../../../src/core/model';

export type OutcomeClass = 'ok' | 'refused' | 'crash' | 'hang';

export interface Verdict {
  readonly cls: Exclude<OutcomeClass, 'hang'>;
  /** The error code (refused, crash by code) or what broke (crash). */
  readonly code?: string;
  readonly detail?: string;
  /** Feature count per layer, for ok. */
  readonly layers?: readonly number[];
}

/** Every OSM code the importer documents (a Record, so a new code in errors.ts fails typecheck here). */
const OSM_CODES: Record<OsmErrorCode, boolean> = {
  'osm.format_unknown': true,
  'osm.empty': true,
  'osm.gzip_corrupt': true,
  'osm.xml_malformed': true,
  'osm.xml_truncated': true,
  'osm.pbf_truncated': true,
  'osm.pbf_corrupt': true,
  'osm.pbf_unsupported': true,
  'osm.pbf_block_too_large': true,
  'osm.inflated_too_large': true,
  // The importer's catch-all: an exception it did not expect.
  'osm.read_failed': false,
};

export const REFUSAL_CODES: ReadonlySet<string> = new Set([
  ...Object.values(IO_ERRORS).filter((c) => c !== IO_ERRORS.internal),
  ...Object.entries(OSM_CODES).filter(([, documented]) => documented).map(([c]) => c),
]);

export function classify(r: JobResult<LoadedLayer[]>): Verdict {
  if (!r.ok) {
    const detail = r.error.params ? JSON.stringify(r.error.params).slice(0, 300) : undefined;
    return REFUSAL_CODES.has(r.error.code) ? { cls: 'refused', code: r.error.code } : { cls: 'crash', code: r.error.code, detail };
  }
  if (!Array.isArray(r.value)) return { cls: 'crash', code: 'invariant', detail: 'value is not an array' };
  for (const layer of r.value) {
    const broken = brokenPromise(layer);
    if (broken) return { cls: 'crash', code: 'invariant', detail: `${layer.name}: ${broken}` };
  }
  return { cls: 'ok', layers: r.value.map((l) => l.featureCount) };
}

const UNSAFE = ['__proto__', 'constructor', 'prototype'];

/** The first promise a loaded layer breaks, or undefined. */
export function brokenPromise(layer: LoadedLayer): string | undefined {
  const features = layer.data?.features;
  if (!Array.isArray(features) || layer.featureCount !== features.length) return `featureCount ${layer.featureCount} for ${features?.length} features`;
  // Swapped axes are offered as a fix, not applied: then x is a latitude and y a longitude.
  const swapped = layer.warnings.some((w) => w.code === 'warning.io.axes-swapped');
  const [mx, my] = swapped ? [180, 180] : [180, 90];
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    if (!f.geometry) return `feature ${i} has no geometry`;
    let bad: Position | undefined;
    visit(f.geometry, (p) => {
      if (!bad && !(Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= mx && Math.abs(p[1]) <= my)) bad = p;
    });
    if (bad) return `feature ${i} has position ${JSON.stringify(bad)}`;
    const props = f.properties ?? {};
    if (Object.getPrototypeOf(props) !== Object.prototype) return `feature ${i}: properties with another prototype`;
    const unsafe = Object.keys(props).find((k) => UNSAFE.includes(k));
    if (unsafe) return `feature ${i}: key ${unsafe}`;
    const long = Object.entries(props).find(([, v]) => typeof v === 'string' && v.length > MAX_TEXT_LENGTH);
    if (long) return `feature ${i}: ${long[0]} has ${(long[1] as string).length} characters`;
    const nonFinite = Object.entries(props).find(([, v]) => typeof v === 'number' && !Number.isFinite(v));
    if (nonFinite) return `feature ${i}: ${nonFinite[0]} is ${nonFinite[1]}`;
  }
  return undefined;
}

function visit(g: GeoJSON.Geometry, fn: (p: Position) => void): void {
  if (g.type === 'GeometryCollection') return g.geometries.forEach((x) => visit(x, fn));
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') fn(c as Position);
    else if (Array.isArray(c)) c.forEach(walk);
    else fn([NaN, NaN]);
  };
  walk(g.coordinates);
}
