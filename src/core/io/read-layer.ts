/**
 * The one entry point for files: sniff the format (magic bytes first, extension second), enforce the
 * size limit for whole-file formats, run the reader, and turn every failure into a JobResult code.
 * Works the same in a worker (Blob) and in Node (bytes read by the CLI).
 */
import { InflateLimitError, inflateBounded } from './inflate-bounded';
import { CANCELLED, JobCancelledError, type CancelToken, type JobResult, type ProgressFn } from '../jobs';
import type { LoadedLayer } from '../model';
import { byteSource, type ByteSource, type ReadSource } from './byte-source';
import { withOffsetCheck } from './china-offset';
import { readCsv } from './csv';
import { readFlatGeobuf } from './flatgeobuf';
import { readGeoJson } from './geojson';
import { readGeoPackage } from './geopackage';
import { fail, IO_ERRORS, IoFailure, PassedOnFailure } from './io-error';
import { routeOsm } from './osm-route';
import { pacer } from './progress';
import { DEFAULT_MAX_BYTES, type IoEnv, type ReadOptions } from './read-options';
import type { ReaderContext } from './reader-context';
import { readShapefileZip } from './shapefile';
import { isOsmName, sniffFormat } from './sniff-format';

const HEAD_BYTES = 4096;

export async function readLayer(
  source: ReadSource,
  options: ReadOptions = {},
  onProgress?: ProgressFn,
  cancel?: CancelToken,
  env: IoEnv = {},
): Promise<JobResult<LoadedLayer[]>> {
  const fileName = typeof source?.fileName === 'string' && source.fileName ? source.fileName : 'unnamed';
  try {
    const src = byteSource(source) ?? fail(IO_ERRORS.noSource, { file: fileName });
    const ctx: ReaderContext = { fileName, options, pacer: pacer('progress.io.features', onProgress, cancel), env, onProgress, cancel };
    let layers = await dispatch(src, ctx, 0);
    if (options.referenceCoordinates?.length) layers = layers.map((l) => withOffsetCheck(l, options.referenceCoordinates!));
    ctx.pacer.report('progress.io.done', 1);
    return { ok: true, value: layers };
  } catch (e) {
    if (e instanceof IoFailure) return { ok: false, error: e.toJobError() };
    if (e instanceof PassedOnFailure) return { ok: false, error: e.error };
    if (e instanceof JobCancelledError) return { ok: false, error: CANCELLED };
    // A reader bug or a library choking on hostile bytes: still an answer, never a throw.
    return { ok: false, error: { code: IO_ERRORS.internal, params: { file: fileName, detail: String((e as Error)?.message ?? e).slice(0, 200) } } };
  }
}

async function dispatch(src: ByteSource, ctx: ReaderContext, depth: number): Promise<LoadedLayer[]> {
  const { fileName } = ctx;
  if (src.size === 0) fail(IO_ERRORS.empty, { file: fileName });
  const head = await src.read(0, HEAD_BYTES);
  if (src.size <= HEAD_BYTES && head.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) fail(IO_ERRORS.empty, { file: fileName });
  const sniffed = sniffFormat(head, fileName);

  if (sniffed.format === 'fgb') return readFlatGeobuf(src, ctx);
  if (sniffed.format === 'osm-xml' || sniffed.format === 'osm-pbf' || (sniffed.format === 'gzip' && isOsmName(fileName))) {
    return routeOsm(await wholeFile(src, ctx), ctx);
  }
  if (sniffed.format === 'binary' || sniffed.format === 'unknown') fail(IO_ERRORS.notGeographic, { file: fileName, detected: sniffed.detected ?? 'unknown' });
  if (sniffed.format === 'other-geo') fail(IO_ERRORS.unsupportedFormat, { file: fileName, format: sniffed.detected ?? 'unknown' });
  if (sniffed.format === 'shp') fail(IO_ERRORS.shpNeedsZip, { file: fileName });

  const bytes = await wholeFile(src, ctx);
  switch (sniffed.format) {
    case 'geojson':
      return readGeoJson(bytes, ctx);
    case 'csv':
      return readCsv(bytes, ctx);
    case 'zip':
      return readShapefileZip(bytes, ctx);
    case 'gpkg':
      return readGeoPackage(bytes, ctx);
    case 'gzip': {
      if (depth > 0) fail(IO_ERRORS.notGeographic, { file: fileName, detected: 'gzip' });
      const inner = gunzip(bytes, ctx);
      const innerName = fileName.replace(/\.gz$/i, '');
      return dispatch(byteSource({ fileName: innerName, bytes: inner })!, { ...ctx, fileName: innerName }, depth + 1);
    }
  }
  return fail(IO_ERRORS.notGeographic, { file: fileName, detected: 'unknown' });
}

async function wholeFile(src: ByteSource, ctx: ReaderContext): Promise<Uint8Array> {
  const limit = ctx.options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (src.size > limit) fail(IO_ERRORS.tooLarge, { file: ctx.fileName, size: src.size, limit });
  ctx.pacer.report('progress.io.read', 0);
  return src.all();
}

function gunzip(bytes: Uint8Array, ctx: ReaderContext): Uint8Array {
  const limit = ctx.options.maxBytes ?? DEFAULT_MAX_BYTES;
  // The trailer states the unpacked size (mod 4 GiB): refuse a bomb before inflating it.
  const stated = bytes.byteLength >= 18 ? new DataView(bytes.buffer, bytes.byteOffset + bytes.byteLength - 4, 4).getUint32(0, true) : 0;
  if (stated > limit) fail(IO_ERRORS.tooLarge, { file: ctx.fileName, size: stated, limit });
  // The trailer can lie: inflate at most `limit` bytes whatever it says.
  try {
    return inflateBounded('gzip', bytes, limit);
  } catch (e) {
    if (e instanceof InflateLimitError) return fail(IO_ERRORS.tooLarge, { file: ctx.fileName, size: e.produced, limit });
    return fail(IO_ERRORS.truncated, { file: ctx.fileName, format: 'gzip' });
  }
}
