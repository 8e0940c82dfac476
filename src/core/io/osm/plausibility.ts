/**
 * The plausibility line of the homes report, and its warnings (codes with params; texts in i18n).
 * Thresholds (OURS, round figures):
 * - children per 1,000 people more than 50 % off the configured shares' sum × 1,000 (homes carrying real
 *   counts beside estimated ones, or shares that do not add up);
 * - people per home (a home is a building) outside 1–500: under 1, most "homes" are not lived in; over 500
 *   is more than a 30-storey tower holds on average;
 * - people per house (building=house/detached/semidetached_house/terrace/bungalow, at least 20 of them)
 *   outside 1–8: a house holds one or two households, and households average 1.9–3.5 people in Europe and
 *   China (UN DESA, Household Size and Composition 2022), so 8 is two large households;
 * - an estimate more than 50 % off a known population (before it was scaled to it).
 */
import type { Feature } from 'geojson';
import { AGE_BANDS, AGE_BAND_FIELD, numberProp, stringProp, type AgeBand, type LoadWarning } from '../../model';
import type { ScaledGroup } from './known-population';

export const MAX_OFF = 0.5;
export const PEOPLE_PER_HOME: readonly [number, number] = [1, 500];
export const PEOPLE_PER_HOUSE: readonly [number, number] = [1, 8];
export const MIN_HOUSES = 20;
const HOUSES = new Set(['house', 'detached', 'semidetached_house', 'semi', 'terrace', 'terraced_house', 'bungalow']);

export interface HomesSummary {
  readonly homes: number;
  readonly people: number;
  readonly children: number;
  readonly perHome: number;
  readonly childrenPer1000: number;
  readonly expectedPer1000: number;
  readonly houses: number;
  readonly perHouse: number;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

export function summarizeHomes(homes: readonly Feature[], shares: Readonly<Record<AgeBand, number>>): HomesSummary {
  let people = 0;
  let children = 0;
  let houses = 0;
  let housePeople = 0;
  for (const f of homes) {
    const p = numberProp(f.properties, 'population') ?? 0;
    people += p;
    for (const b of AGE_BANDS) children += numberProp(f.properties, AGE_BAND_FIELD[b]) ?? 0;
    if (HOUSES.has(stringProp(f.properties, 'building') ?? '')) {
      houses++;
      housePeople += p;
    }
  }
  return {
    homes: homes.length,
    people,
    children,
    perHome: homes.length ? people / homes.length : 0,
    childrenPer1000: people > 0 ? (children / people) * 1000 : 0,
    expectedPer1000: AGE_BANDS.reduce((s, b) => s + shares[b], 0) * 1000,
    houses,
    perHouse: houses ? housePeople / houses : 0,
  };
}

const off = (value: number, expected: number) => expected > 0 && Math.abs(value / expected - 1) > MAX_OFF;
const outside = (v: number, [lo, hi]: readonly [number, number]) => v < lo || v > hi;

/** The line (an `info.` entry) and the warnings for a summary; `groups` are known populations before scaling. */
export function plausibilityWarnings(s: HomesSummary, groups: readonly ScaledGroup[] = []): LoadWarning[] {
  const out: LoadWarning[] = [];
  if (s.homes === 0 || s.people <= 0) return out;
  out.push({
    code: 'info.osm.plausibility',
    count: s.homes,
    params: { people: Math.round(s.people), per_home: r1(s.perHome), children_per_1000: Math.round(s.childrenPer1000), expected_per_1000: Math.round(s.expectedPer1000) },
  });
  if (off(s.childrenPer1000, s.expectedPer1000)) {
    out.push({ code: 'osm.plausibility_children', count: 1, params: { children_per_1000: Math.round(s.childrenPer1000), expected_per_1000: Math.round(s.expectedPer1000) } });
  }
  if (outside(s.perHome, PEOPLE_PER_HOME)) {
    out.push({ code: 'osm.plausibility_per_home', count: 1, params: { per_home: r1(s.perHome), min: PEOPLE_PER_HOME[0], max: PEOPLE_PER_HOME[1] } });
  }
  if (s.houses >= MIN_HOUSES && outside(s.perHouse, PEOPLE_PER_HOUSE)) {
    out.push({ code: 'osm.plausibility_per_house', count: s.houses, params: { per_house: r1(s.perHouse), min: PEOPLE_PER_HOUSE[0], max: PEOPLE_PER_HOUSE[1] } });
  }
  if (groups.length) {
    const known = groups.reduce((a, g) => a + g.known, 0);
    const estimated = groups.reduce((a, g) => a + g.estimated, 0);
    const names = groups.map((g) => g.name ?? g.id).filter(Boolean).slice(0, 3).join(', ');
    out.push({ code: 'info.osm.known_population', count: groups.length, params: { known, estimated: Math.round(estimated), names } });
    for (const g of groups) {
      if (off(g.estimated, g.known)) {
        out.push({ code: 'osm.known_population_off', count: 1, params: { known: g.known, estimated: Math.round(g.estimated), name: g.name ?? g.id } });
        break; // one row; the info line names the units
      }
    }
  }
  return out;
}
