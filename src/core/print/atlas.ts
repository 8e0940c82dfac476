/**
 * Atlas planning: one page per unit of a level that passes the filter, sorted by code or name, each page's
 * map extent framed on its unit (its bounding box plus padding, widened to the map frame's shape in Web
 * Mercator so the unit is centred and undistorted), and the neighbours to draw greyed: the other units of
 * the level whose boxes reach into that extent.
 */
export type BBox = readonly [number, number, number, number];

export interface AtlasUnit {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  /** [west, south, east, north], degrees. */
  readonly bbox: BBox;
}

export interface AtlasOptions {
  readonly sortBy: 'code' | 'name';
  /** Case-insensitive text a unit's code or name must contain; empty or absent: every unit. */
  readonly filter?: string;
  /** Padding on each side as a share of the unit's larger Mercator side (default 0.08). */
  readonly padding?: number;
  /** Map frame width / height. */
  readonly aspect: number;
  /** Collation locale for names ('zh' sorts by pinyin where the runtime has it). */
  readonly locale?: string;
}

export interface AtlasPage {
  readonly pageNumber: number;
  readonly unit: AtlasUnit;
  /** [west, south, east, north] of the page's map, degrees. */
  readonly extent: BBox;
  /** Ids of the other units drawn greyed, in the atlas's order. */
  readonly neighbours: readonly string[];
}

export type AtlasResult =
  | { readonly ok: true; readonly pages: readonly AtlasPage[] }
  | { readonly ok: false; readonly code: 'print.atlas-empty'; readonly params: Readonly<Record<string, string | number>> };

const MAX_LAT = 85.0511287798;
const mercY = (lat: number): number => Math.log(Math.tan(Math.PI / 4 + (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 360));
const latOf = (y: number): number => (360 / Math.PI) * Math.atan(Math.exp(y)) - 90;
const mercX = (lon: number): number => (lon * Math.PI) / 180;

/** The unit's box with padding, widened (never cut) to `aspect` in Mercator units, centred on the box. */
export function framedExtent(b: BBox, aspect: number, padding: number = 0.08): BBox {
  const [x0, x1] = [mercX(b[0]), mercX(b[2])];
  const [y0, y1] = [mercY(b[1]), mercY(b[3])];
  // A point unit (or a sliver) still gets a frame: at least ~100 m of Mercator width at the equator.
  const side = Math.max(x1 - x0, y1 - y0, 1.6e-5);
  let w = x1 - x0 + 2 * padding * side;
  let h = y1 - y0 + 2 * padding * side;
  if (w / h < aspect) w = h * aspect;
  else h = w / aspect;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const deg = (x: number) => (x * 180) / Math.PI;
  return [deg(cx - w / 2), latOf(cy - h / 2), deg(cx + w / 2), latOf(cy + h / 2)];
}

const intersects = (a: BBox, b: BBox): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

export function planAtlas(units: readonly AtlasUnit[], o: AtlasOptions): AtlasResult {
  const needle = (o.filter ?? '').trim().toLocaleLowerCase();
  const chosen = needle ? units.filter((u) => u.code.toLocaleLowerCase().includes(needle) || u.name.toLocaleLowerCase().includes(needle)) : [...units];
  if (chosen.length === 0) return { ok: false, code: 'print.atlas-empty', params: { filter: o.filter ?? '', units: units.length } };
  // numeric: "2" before "10", as codes are read; ties broken by the other key, then the id, so the order is total.
  const collate = new Intl.Collator(o.locale ?? 'en', { numeric: true, sensitivity: 'base' });
  const key = (u: AtlasUnit) => (o.sortBy === 'code' ? [u.code, u.name] : [u.name, u.code]);
  chosen.sort((a, b) => collate.compare(key(a)[0], key(b)[0]) || collate.compare(key(a)[1], key(b)[1]) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const order = new Map(chosen.map((u, i) => [u.id, i]));
  const pages = chosen.map((unit, i): AtlasPage => {
    const extent = framedExtent(unit.bbox, o.aspect, o.padding);
    const neighbours = units
      .filter((n) => n.id !== unit.id && intersects(n.bbox, extent))
      .sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) || (a.id < b.id ? -1 : 1))
      .map((n) => n.id);
    return { pageNumber: i + 1, unit, extent, neighbours };
  });
  return { ok: true, pages };
}
