/**
 * Zipped Shapefiles: every .shp in the archive becomes a layer, with its .dbf attributes (code page
 * from .cpg) and its .prj honoured: reprojected to WGS 84 with proj4, CGCS2000 noted, unknown refused.
 * We unzip with fflate (with a size check before inflating) and call shpjs per part, so a .prj that
 * proj4 cannot read is our clear error instead of a throw inside shpjs.parseZip.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- these declarations must reach every tsconfig that includes this file
/// <reference path="./vendor-modules.d.ts" />
import { unzipSync } from 'fflate';
import { parseDbf, parseShp } from 'shpjs';
import type { LoadedLayer } from '../model';
import { offsetHint } from './crs';
import { applyPlan, resolveDeclared } from './declared-crs';
import { feedFeatures } from './feed-features';
import { fail, IO_ERRORS, IoFailure } from './io-error';
import { LayerBuilder } from './layer-builder';
import { DEFAULT_MAX_BYTES } from './read-options';
import type { ReaderContext } from './reader-context';
import { IO_WARNINGS } from './warnings';

const PARTS = /\.(shp|dbf|prj|cpg)$/i;

export async function readShapefileZip(bytes: Uint8Array, ctx: ReaderContext): Promise<LoadedLayer[]> {
  const { fileName } = ctx;
  const limit = ctx.options.maxBytes ?? DEFAULT_MAX_BYTES;
  let unpacked = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!PARTS.test(f.name) || f.name.includes('__MACOSX')) return false;
        unpacked += f.originalSize;
        // fflate allocates each member's stated size before inflating it: refuse before, not after.
        if (unpacked > limit) fail(IO_ERRORS.tooLarge, { file: fileName, size: unpacked, limit });
        return true;
      },
    });
  } catch (e) {
    if (e instanceof IoFailure) throw e;
    return fail(IO_ERRORS.truncated, { file: fileName, format: 'zip' });
  }
  const lower = new Map(Object.entries(files).map(([k, v]) => [k.toLowerCase(), v]));
  const bases = [...lower.keys()].filter((k) => k.endsWith('.shp')).map((k) => k.slice(0, -4));
  if (bases.length === 0) fail(IO_ERRORS.zipNoShapefile, { file: fileName });

  const layers: LoadedLayer[] = [];
  for (const base of bases) {
    const original = Object.keys(files).find((k) => k.toLowerCase() === `${base}.shp`) ?? `${base}.shp`;
    const name = original.split('/').pop()!.replace(/\.shp$/i, '');
    const text = (ext: string) => {
      const b = lower.get(`${base}.${ext}`);
      return b ? new TextDecoder().decode(b).trim() : undefined;
    };
    const prj = text('prj');
    const builder = new LayerBuilder({ fileName, name, referenceBbox: ctx.options.referenceBbox, bbox: ctx.options.bbox });
    const plan = prj ? resolveDeclared(fileName, prj) : undefined;
    const fn = plan ? applyPlan(plan, builder.tally) : undefined;
    if (!prj) builder.tally.note(IO_WARNINGS.crsAssumedWgs84, { file: fileName });
    const hint = !plan || plan.kind === 'wgs84' ? offsetHint(`${fileName} ${name}`) : undefined;
    if (hint) builder.tally.note(hint === 'gcj02' ? IO_WARNINGS.declaredGcj02 : IO_WARNINGS.declaredBd09, { from: hint, fix: `convert-${hint}` });

    const dbf = lower.get(`${base}.dbf`);
    if (dbf && !dbfFits(dbf)) fail(IO_ERRORS.corrupt, { file: fileName, format: 'shapefile', detail: `${name}.dbf` });
    let geometries: (GeoJSON.Geometry | null)[];
    let rows: Record<string, unknown>[] = [];
    try {
      geometries = parseShp(lower.get(`${base}.shp`)!, false);
      if (dbf) rows = parseDbf(dbf, text('cpg'));
    } catch {
      return fail(IO_ERRORS.corrupt, { file: fileName, format: 'shapefile', detail: name });
    }
    if (!Array.isArray(geometries)) fail(IO_ERRORS.corrupt, { file: fileName, format: 'shapefile', detail: name });
    const raws = geometries.map((geometry, i) => ({ type: 'Feature', geometry, properties: rows[i] ?? {} }));
    await feedFeatures(raws, builder, ctx, fn);
    layers.push(builder.finish());
  }
  return layers;
}

/** The .dbf header's record count × record length must fit in the file; parsedbf trusts the count. */
function dbfFits(dbf: Uint8Array): boolean {
  if (dbf.byteLength < 32) return false;
  const dv = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const records = dv.getUint32(4, true);
  const headerLen = dv.getUint16(8, true);
  const recordLen = dv.getUint16(10, true);
  return recordLen > 0 && headerLen + records * recordLen <= dbf.byteLength + 1;
}
