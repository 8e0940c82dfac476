/**
 * The safe-routes profile (docs/safe-routes-contract.md): every number of the contract as versioned JSON, so
 * the app can show and edit it and the project can save it. `CHILD_V1` is the contract's `child-v1`.
 * parseProfile validates with zod and refuses with codes + paths (the UI words them), never English.
 */
import { z } from 'zod';

const plts = z.number().int().min(1).max(4);
const kmh = z.number().min(0).max(300);
const metres = z.number().min(0).finite();
/** Four values, one per PLTS 1..4. */
const perPlts = z.tuple([metres, metres, metres, metres]);
/** Control adjustment: the crossing PLTS for a base PLTS of 1..4. */
const adjust = z.tuple([plts, plts, plts, plts]);
/** One row of the arterial crossing table: [≤2 lanes low, medium, high, ≥3 lanes low, medium, high]. */
const arterialRow = z.object({ maxKmh: kmh, plts: z.tuple([plts, plts, plts, plts, plts, plts]) }).strict();

export const profileSchema = z.object({
  id: z.string().min(1),
  version: z.literal(1),
  speed: z.object({
    /** Named maxspeed values (`walk`, `none`) and the suffixes of `XX:…` zone values, in km/h. */
    named: z.record(z.string().min(1), kmh),
    /** Default speed of each highway class (without `_link`); other classes use `road`. */
    classDefault: z.record(z.string().min(1), kmh),
  }).strict(),
  lanes: z.object({ wideClasses: z.array(z.string()), wideDefault: z.number().int().min(1), otherDefault: z.number().int().min(1) }).strict(),
  segment: z.object({
    dedicated: z.array(z.string()),
    /** Speed part: PLTS 1, 2, 3 up to these km/h, else 4. */
    speedPart: z.tuple([kmh, kmh, kmh]),
    /** No sidewalk: PLTS 2 up to [0], 3 up to [1], else 4. */
    noSidewalk: z.tuple([kmh, kmh]),
    /** Unknown sidewalk at or below this speed: `assumed_quiet` with PLTS quietPlts. */
    quietMaxKmh: kmh,
    quietPlts: plts,
  }).strict(),
  crossing: z.object({
    carRoads: z.array(z.string()),
    localRoads: z.array(z.string()),
    /** Local roads: PLTS 1 up to [0] km/h, 2 up to [1], else 3. */
    local: z.tuple([kmh, kmh]),
    /** Traffic volume of each arterial class (OSM has no counts). */
    volume: z.record(z.string().min(1), z.enum(['low', 'medium', 'high'])),
    /** Rows by increasing maxKmh; speeds above the last row's maxKmh use `above`. */
    arterial: z.array(arterialRow).min(1),
    above: z.tuple([plts, plts, plts, plts, plts, plts]),
    signals: adjust,
    marked: adjust,
    gradeSeparated: plts,
  }).strict(),
  cost: z.object({ multiplier: perPlts, penaltyM: perPlts }).strict(),
  route: z.object({
    maxSchoolWalkM: metres,
    longDetourRatio: z.number().min(1),
    /** A route is unsafe when its worst segment or crossing PLTS reaches this; hotspots start here too. */
    unsafePlts: plts,
  }).strict(),
}).strict();

export type SafetyProfile = z.infer<typeof profileSchema>;
export type Plts = 1 | 2 | 3 | 4;

export const CHILD_V1: SafetyProfile = {
  id: 'child-v1',
  version: 1,
  speed: {
    named: { walk: 7, none: 130, living_street: 7, zone20: 20, 'zone:20': 20, zone30: 30, 'zone:30': 30, urban: 50, rural: 90, motorway: 130 },
    classDefault: {
      motorway: 120, trunk: 90, primary: 50, secondary: 50, tertiary: 50, unclassified: 50, road: 50,
      residential: 30, service: 20, living_street: 7, track: 30,
    },
  },
  lanes: { wideClasses: ['motorway', 'trunk'], wideDefault: 4, otherDefault: 2 },
  segment: {
    dedicated: ['footway', 'pedestrian', 'path', 'steps', 'corridor', 'bridleway', 'track', 'cycleway', 'living_street', 'platform'],
    speedPart: [20, 40, 56],
    noSidewalk: [20, 30],
    quietMaxKmh: 30,
    quietPlts: 2,
  },
  crossing: {
    carRoads: ['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'unclassified', 'residential', 'living_street', 'service', 'road'],
    localRoads: ['unclassified', 'residential', 'living_street', 'service', 'road'],
    local: [40, 56],
    volume: { tertiary: 'low', secondary: 'medium', primary: 'high', trunk: 'high', motorway: 'high' },
    arterial: [
      { maxKmh: 40, plts: [2, 3, 3, 3, 3, 4] },
      { maxKmh: 48, plts: [2, 3, 3, 3, 3, 4] },
      { maxKmh: 56, plts: [3, 3, 4, 3, 4, 4] },
    ],
    above: [3, 4, 4, 4, 4, 4],
    signals: [1, 1, 2, 2],
    marked: [1, 1, 3, 4],
    gradeSeparated: 1,
  },
  cost: { multiplier: [1, 1.25, 2, 4], penaltyM: [0, 15, 75, 300] },
  route: { maxSchoolWalkM: 3000, longDetourRatio: 1.5, unsafePlts: 3 },
};

export interface ProfileIssue {
  readonly path: readonly (string | number)[];
  /** zod's issue code, or `arterial-order` (rows not by increasing speed). */
  readonly code: string;
}

export type ParseProfileResult = { ok: true; profile: SafetyProfile } | { ok: false; issues: ProfileIssue[] };

export function parseProfile(json: unknown): ParseProfileResult {
  const parsed = profileSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), code: i.code })) };
  }
  const rows = parsed.data.crossing.arterial;
  for (let i = 1; i < rows.length; i++) {
    if (rows[i]!.maxKmh <= rows[i - 1]!.maxKmh) return { ok: false, issues: [{ path: ['crossing', 'arterial', i, 'maxKmh'], code: 'arterial-order' }] };
  }
  return { ok: true, profile: parsed.data };
}
