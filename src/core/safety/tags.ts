/**
 * Reading a way's tags for stress (safe-routes contract, "Reading the tags of a way"): speed from `maxspeed`
 * in every form the contract lists (or the importer's number), lanes, sidewalk. Raw OSM tags and the
 * importer's schema values both arrive here as feature properties.
 */
import type { Props } from '../model';
import type { SafetyProfile } from './profile';

export const MPH_KMH = 1.609344;

export interface SpeedReading {
  readonly kmh: number;
  /** True when no readable `maxspeed` was tagged and the class default was used. */
  readonly assumed: boolean;
}

export type Sidewalk = 'present' | 'absent' | 'unknown';

const str = (props: Props | null | undefined, key: string): string | undefined => {
  const v = props?.[key];
  return typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
};

/** The `highway` value as tagged (unknown values kept: the stress tables name some the walkability table does not). */
export function highwayOf(props: Props | null | undefined): string {
  const h = props?.['highway'];
  return typeof h === 'string' && h.length > 0 ? h : 'road';
}

/** The class without `_link`. */
export const baseClass = (highway: string): string => (highway.endsWith('_link') ? highway.slice(0, -5) : highway);

const NUMBER = /^\d+(?:\.\d+)?$/;
const KMH = /^(\d+(?:\.\d+)?) km\/h$/;
const MPH = /^(\d+(?:\.\d+)?) ?mph$/;

/** One `maxspeed` value in km/h, or undefined when it is not one of the contract's forms. */
export function parseSpeedValue(value: string, profile: SafetyProfile): number | undefined {
  const v = value.trim();
  if (NUMBER.test(v)) return Number(v);
  const kmh = KMH.exec(v);
  if (kmh) return Number(kmh[1]);
  const mph = MPH.exec(v);
  if (mph) return Number(mph[1]) * MPH_KMH;
  const named = profile.speed.named;
  if (v === 'walk' || v === 'none') return named[v];
  // `XX:zone30`, `XX:zone:30`, `XX:urban`…: a country code, then one of the named suffixes.
  const colon = v.indexOf(':');
  if (colon > 0 && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]+)?$/.test(v.slice(0, colon))) {
    const suffix = v.slice(colon + 1);
    if (suffix !== 'walk' && suffix !== 'none' && Object.hasOwn(named, suffix)) return named[suffix];
  }
  return undefined;
}

/** Default speed of a class (`*_link` as its class; classes without a default use `road`'s). */
export function classDefaultKmh(highway: string, profile: SafetyProfile): number {
  const d = profile.speed.classDefault;
  const c = baseClass(highway);
  return Object.hasOwn(d, c) ? d[c]! : (d['road'] ?? 50);
}

export function readSpeed(props: Props | null | undefined, profile: SafetyProfile): SpeedReading {
  const raw = props?.['maxspeed'];
  let best = Number.NaN;
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0) best = raw;
  else if (typeof raw === 'string') {
    // Several values (time-dependent, per lane): the largest is the risk to plan for.
    for (const part of raw.split(';')) {
      const k = parseSpeedValue(part, profile);
      if (k !== undefined && !(k <= best)) best = k;
    }
  }
  if (Number.isFinite(best)) return { kmh: best, assumed: false };
  return { kmh: classDefaultKmh(highwayOf(props), profile), assumed: true };
}

export function readLanes(props: Props | null | undefined, profile: SafetyProfile): number {
  const raw = props?.['lanes'];
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isInteger(n) && n >= 1) return n;
  return profile.lanes.wideClasses.includes(baseClass(highwayOf(props))) ? profile.lanes.wideDefault : profile.lanes.otherDefault;
}

const PRESENT = new Set(['both', 'left', 'right', 'yes', 'separate']);
const SIDE_PRESENT = new Set(['yes', 'separate']);

export function readSidewalk(props: Props | null | undefined): Sidewalk {
  const s = str(props, 'sidewalk');
  const both = str(props, 'sidewalk:both');
  const left = str(props, 'sidewalk:left');
  const right = str(props, 'sidewalk:right');
  if ((s !== undefined && PRESENT.has(s)) || [both, left, right].some((v) => v !== undefined && SIDE_PRESENT.has(v))) return 'present';
  if (s === 'no' || s === 'none' || both === 'no' || (left === 'no' && right === 'no')) return 'absent';
  return 'unknown';
}
