/**
 * Coordinate reference systems declared by files, resolved to what the loader does with them:
 * nothing (WGS 84), a note (CGCS2000 is within a metre of WGS 84 at city scale), a warning only
 * (GCJ-02 / BD-09 are never converted silently), or a proj4 reprojection to WGS 84.
 */
import proj4 from 'proj4';

export type CrsPlan =
  | { readonly kind: 'wgs84' }
  | { readonly kind: 'cgcs2000'; readonly code: string }
  | { readonly kind: 'offset'; readonly datum: 'gcj02' | 'bd09' }
  | { readonly kind: 'project'; readonly code: string; readonly def: string };

/** proj4 definitions of the CRSs Chinese planning data arrives in (EPSG registry parameters). */
function epsgDef(code: number): string | undefined {
  if (code === 3857 || code === 900913 || code === 102100 || code === 3785) return '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs';
  if (code >= 32601 && code <= 32660) return `+proj=utm +zone=${code - 32600} +datum=WGS84 +units=m +no_defs`;
  if (code >= 32701 && code <= 32760) return `+proj=utm +zone=${code - 32700} +south +datum=WGS84 +units=m +no_defs`;
  const gk = (lon0: number, x0: number) => `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
  // CGCS2000 Gauss-Krüger: 6° zones 13–23 (4491–4501, zone in false easting) and by CM (4502–4512);
  // 3° zones 25–45 (4513–4533, zone in false easting) and by CM (4534–4554), e.g. 4547 = CM 114°E.
  if (code >= 4491 && code <= 4501) return gk((code - 4491 + 13) * 6 - 3, (code - 4491 + 13) * 1e6 + 500000);
  if (code >= 4502 && code <= 4512) return gk(75 + (code - 4502) * 6, 500000);
  if (code >= 4513 && code <= 4533) return gk((code - 4513 + 25) * 3, (code - 4513 + 25) * 1e6 + 500000);
  if (code >= 4534 && code <= 4554) return gk(75 + (code - 4534) * 3, 500000);
  return undefined;
}

const WGS84_CODES = new Set([4326, 4979, 4978, 0]);
const CGCS2000_GEOG = new Set([4490, 4480, 4479]);

/** From an EPSG code. Returns undefined for codes we cannot handle (the caller refuses the file). */
export function planForEpsg(code: number): CrsPlan | undefined {
  if (WGS84_CODES.has(code)) return { kind: 'wgs84' };
  if (CGCS2000_GEOG.has(code)) return { kind: 'cgcs2000', code: `EPSG:${code}` };
  const def = epsgDef(code);
  return def ? { kind: 'project', code: `EPSG:${code}`, def } : undefined;
}

const OFFSET_HINTS: readonly (readonly [RegExp, 'gcj02' | 'bd09'])[] = [
  [/bd-?09|baidu|bmap|百度/i, 'bd09'],
  [/gcj-?02|amap|gaode|autonavi|tencent|qq.?map|高德|火星|国测局/i, 'gcj02'],
];

/** A GCJ-02 / BD-09 hint in any text (file name, layer name, crs string, property names). */
export function offsetHint(text: string): 'gcj02' | 'bd09' | undefined {
  return OFFSET_HINTS.find(([re]) => re.test(text))?.[1];
}

/**
 * From a CRS name as files write it: "EPSG:3857", "urn:ogc:def:crs:EPSG::4547", "CRS84", a WKT string,
 * or a .prj. Returns undefined when the text names a CRS we cannot handle.
 */
export function planForText(text: string): CrsPlan | undefined {
  const t = text.trim();
  const offset = offsetHint(t);
  if (offset) return { kind: 'offset', datum: offset };
  if (/CRS84$|^WGS[ _]?(19)?84$/i.test(t)) return { kind: 'wgs84' };
  const m = /EPSG(?::|::|:\d*(?:\.\d+)*:)(\d+)\s*$/i.exec(t) ?? /^(\d+)$/.exec(t);
  if (m) return planForEpsg(Number(m[1]));
  if (/^\s*(GEOGCS|GEOGCRS|PROJCS|PROJCRS)/i.test(t)) return planForWkt(t);
  return undefined;
}

function planForWkt(wkt: string): CrsPlan | undefined {
  const projected = /^\s*PROJ/i.test(wkt);
  const authority = /AUTHORITY\["EPSG",\s*"?(\d+)"?\]\s*\]\s*$/i.exec(wkt) ?? /ID\["EPSG",\s*(\d+)\]\s*\]\s*$/i.exec(wkt);
  if (authority) {
    const p = planForEpsg(Number(authority[1]));
    if (p) return p;
  }
  if (!projected) {
    if (/CGCS.?2000|China.?Geodetic/i.test(wkt)) return { kind: 'cgcs2000', code: 'CGCS2000' };
    if (/WGS.?(19)?84/i.test(wkt)) return { kind: 'wgs84' };
    return undefined;
  }
  try {
    // proj4 parses ESRI and OGC WKT; a definition it cannot use throws or yields NaN below.
    const conv = proj4(wkt, 'WGS84');
    const probe = conv.forward([500000, 2500000]);
    if (!Number.isFinite(probe[0]) || !Number.isFinite(probe[1])) return undefined;
    return { kind: 'project', code: projName(wkt), def: wkt };
  } catch {
    return undefined;
  }
}

const projName = (wkt: string) => /^\s*PROJ\w*\["([^"]*)"/i.exec(wkt)?.[1] ?? 'WKT';

export type XY = (x: number, y: number) => [number, number];

/** A function from the plan's CRS to WGS 84 lon/lat. */
export function toWgs84(plan: CrsPlan & { kind: 'project' }): XY {
  const conv = proj4(plan.def, 'WGS84');
  return (x, y) => conv.forward([x, y]) as [number, number];
}

/** From WGS 84 lon/lat to the plan's CRS (to turn a bbox filter into file coordinates). */
export function fromWgs84(plan: CrsPlan & { kind: 'project' }): XY {
  const conv = proj4(plan.def, 'WGS84');
  return (x, y) => conv.inverse([x, y]) as [number, number];
}
