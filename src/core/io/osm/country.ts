/**
 * Which country an extract is about, for the rule-pack suggestion and the admin-level preset.
 *
 * Evidence, best first:
 * 1. Tags of the administrative relations: `ISO3166-1:alpha2` / `ISO3166-1` on admin_level=2, and the country
 *    prefix of `ISO3166-2` ("DE-HE" → DE) on any level. An extract near a border holds several countries'
 *    relations (Monaco's holds France's), so each candidate is scored below.
 * 2. Without such tags, every country of COUNTRY_BBOXES is a candidate.
 * A candidate's score is the share of sampled data points inside it: its assembled admin_level=2 polygon when
 * the extract holds it whole, otherwise its box in COUNTRY_BBOXES. Among candidates holding at least half of
 * the points the smallest area wins (Monaco inside France's box); failing that, the highest share; a tagged
 * country missing from the table wins only when no candidate can be scored (the most-tagged one).
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { BBox } from '../../model';
import type { Tags } from './osm-store';

/**
 * Coarse bounding boxes [minLng, minLat, maxLng, maxLat] of some countries, rounded outwards from memory of
 * their extremes (mainland; overseas parts left out). APPROXIMATE: a box holds neighbours' border towns too,
 * which is why tags come first and the smallest box wins. Hong Kong, Macao and Taiwan are left out on
 * purpose: their boxes reach into Shenzhen / Zhuhai / Fujian, and their extracts carry ISO tags anyway.
 */
export const COUNTRY_BBOXES: Readonly<Record<string, BBox>> = {
  CN: [73.4, 18.1, 134.8, 53.6],
  DE: [5.86, 47.27, 15.05, 55.06],
  RU: [19.6, 41.18, 180, 81.9],
  MC: [7.40, 43.72, 7.44, 43.76],
  AD: [1.40, 42.42, 1.79, 42.66],
  LI: [9.47, 47.04, 9.64, 47.28],
  AT: [9.52, 46.37, 17.17, 49.03],
  CH: [5.95, 45.81, 10.50, 47.81],
  FR: [-5.2, 41.3, 9.6, 51.1],
  ES: [-9.4, 35.9, 4.4, 43.8],
  IT: [6.6, 35.4, 18.6, 47.1],
  GB: [-8.7, 49.8, 1.8, 60.9],
  US: [-124.8, 24.4, -66.9, 49.4],
};

export type CountrySource = 'tags' | 'bbox';

export interface CountryGuess {
  /** ISO 3166-1 alpha-2, upper case. */
  readonly code: string;
  /** 'tags': named by the OSM boundaries; 'bbox': from where the data lies (approximate). */
  readonly source: CountrySource;
}

/** An admin relation's country code, if its tags name one. */
export function countryCodeOfTags(tags: Tags): string | undefined {
  const two = (v: string | undefined) => (v && /^[A-Za-z]{2}$/.test(v.trim()) ? v.trim().toUpperCase() : undefined);
  if (tags['admin_level'] === '2') {
    const c = two(tags['ISO3166-1:alpha2']) ?? two(tags['ISO3166-1']);
    if (c) return c;
  }
  const sub = /^([A-Za-z]{2})-/.exec(tags['ISO3166-2'] ?? '');
  return sub ? sub[1].toUpperCase() : undefined;
}

export interface CountryEvidence {
  /** Codes named by relations' tags, one entry per relation (repeats count as votes). */
  readonly tagged: readonly string[];
  /** Assembled admin_level=2 polygons by code. */
  readonly polygons: ReadonlyMap<string, Polygon | MultiPolygon>;
  /** Sample points of the data, [lng, lat]. */
  readonly points: readonly (readonly [number, number])[];
}

const boxArea = (b: BBox) => (b[2] - b[0]) * (b[3] - b[1]);
const inBox = (b: BBox, p: readonly [number, number]) => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];

function polygonBox(g: Polygon | MultiPolygon): BBox {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  for (const ring of rings) for (const [x, y] of ring) { b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y); }
  return b as unknown as BBox;
}

export function detectCountry(ev: CountryEvidence): CountryGuess | undefined {
  const tagged = [...new Set(ev.tagged)];
  const source: CountrySource = tagged.length ? 'tags' : 'bbox';
  const candidates = tagged.length ? tagged : Object.keys(COUNTRY_BBOXES);
  const n = ev.points.length;
  const scored: { code: string; share: number; area: number }[] = [];
  for (const code of candidates) {
    const poly = ev.polygons.get(code);
    const box = COUNTRY_BBOXES[code];
    if (!poly && !box) continue;
    let inside = 0;
    for (const p of ev.points) if (poly ? booleanPointInPolygon([p[0], p[1]], poly) : inBox(box!, p)) inside++;
    scored.push({ code, share: n ? inside / n : 0, area: boxArea(poly ? polygonBox(poly) : box!) });
  }
  const holding = scored.filter((s) => s.share >= 0.5).sort((a, b) => a.area - b.area || a.code.localeCompare(b.code));
  if (holding.length) return { code: holding[0].code, source };
  const best = scored.filter((s) => s.share > 0).sort((a, b) => b.share - a.share || a.code.localeCompare(b.code))[0];
  if (best) return { code: best.code, source };
  if (!tagged.length) return undefined;
  // No candidate could be scored (or none holds a point): the country most relations name.
  const votes = new Map<string, number>();
  for (const c of ev.tagged) votes.set(c, (votes.get(c) ?? 0) + 1);
  const top = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return top && { code: top[0], source };
}

/** From a bounding box alone (any layer, not only OSM): its centre and corners against COUNTRY_BBOXES. */
export function countryOfBBox(b: BBox): CountryGuess | undefined {
  const cx = (b[0] + b[2]) / 2;
  const cy = (b[1] + b[3]) / 2;
  return detectCountry({ tagged: [], polygons: new Map(), points: [[cx, cy], [b[0], b[1]], [b[2], b[3]], [b[0], b[3]], [b[2], b[1]]] });
}
