/**
 * GeoJSON: FeatureCollection, Feature, a bare geometry or an array of features; RFC 7946 and the
 * 2008 `crs` member (reprojected when it names a CRS we know, refused when we do not).
 */
import type { LoadedLayer } from '../model';
import { decodeText } from './text';
import { applyPlan, resolveDeclared } from './declared-crs';
import { offsetHint } from './crs';
import { fail, IO_ERRORS } from './io-error';
import { diagnoseJson } from './json-scan';
import { LayerBuilder } from './layer-builder';
import { feedFeatures } from './feed-features';
import type { ReaderContext } from './reader-context';
import { IO_WARNINGS } from './warnings';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

export async function readGeoJson(bytes: Uint8Array, ctx: ReaderContext): Promise<LoadedLayer[]> {
  const { fileName } = ctx;
  const text = decodeText(bytes);
  ctx.pacer.report('progress.io.parse');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    const why = diagnoseJson(text);
    if (why.kind === 'truncated') fail(IO_ERRORS.truncated, { file: fileName, format: 'geojson' });
    else fail(IO_ERRORS.jsonSyntax, { file: fileName, line: why.line, column: why.column });
  }
  ctx.pacer.checkCancel();
  const raws = featuresOf(doc) ?? fail(IO_ERRORS.jsonNoGeometry, { file: fileName });
  const obj = (doc !== null && typeof doc === 'object' ? doc : {}) as { name?: unknown; crs?: unknown };
  const layerName = typeof obj.name === 'string' && obj.name.trim() ? obj.name.slice(0, 200) : fileName;

  const builder = new LayerBuilder({ fileName, name: layerName === fileName ? fileName : layerName, referenceBbox: ctx.options.referenceBbox, bbox: ctx.options.bbox });
  const declared = declaredCrs(obj.crs);
  const plan = declared !== undefined ? resolveDeclared(fileName, declared) : undefined;
  const fn = plan ? applyPlan(plan, builder.tally) : undefined;
  const hint = !plan || plan.kind === 'wgs84' ? offsetHint(`${fileName} ${layerName}`) : undefined;
  if (hint) builder.tally.note(hint === 'gcj02' ? IO_WARNINGS.declaredGcj02 : IO_WARNINGS.declaredBd09, { from: hint, fix: `convert-${hint}` });
  await feedFeatures(raws, builder, ctx, fn);
  return [builder.finish()];
}

/** The raw features of a GeoJSON document, or undefined when it is not GeoJSON at all. */
function featuresOf(doc: unknown): unknown[] | undefined {
  if (Array.isArray(doc)) return doc.length > 0 && doc.every(isFeatureLike) ? doc : undefined;
  if (doc === null || typeof doc !== 'object') return undefined;
  const d = doc as { type?: unknown; features?: unknown };
  if (d.type === 'FeatureCollection') return Array.isArray(d.features) ? d.features : undefined;
  if (d.type === 'Feature') return [doc];
  if (typeof d.type === 'string' && GEOMETRY_TYPES.has(d.type)) return [{ type: 'Feature', geometry: doc, properties: {} }];
  return undefined;
}

const isFeatureLike = (f: unknown) => f !== null && typeof f === 'object' && (f as { type?: unknown }).type === 'Feature';

/** The 2008 spec's `crs`: {type:'name', properties:{name}} or {type:'EPSG', properties:{code}}. */
function declaredCrs(crs: unknown): string | number | undefined {
  if (crs === null || typeof crs !== 'object') return undefined;
  const props = (crs as { properties?: unknown }).properties;
  if (props === null || typeof props !== 'object') return undefined;
  const p = props as { name?: unknown; code?: unknown };
  if (typeof p.name === 'string') return p.name;
  if (typeof p.code === 'number' || typeof p.code === 'string') return Number(p.code);
  return undefined;
}
