/** Readings of OSM tag values into the schema's units (km/h, integers, sidewalk values). */
import type { Tags } from './osm-store';

const MPH = 1.609344;

/**
 * Implicit limits (OSM wiki "Key:maxspeed" / "Default speed limits"), km/h. Only the common ones; an
 * unknown zone code yields no number rather than a guess.
 */
const IMPLICIT: Readonly<Record<string, number>> = {
  walk: 7,
  'de:living_street': 7,
  'de:urban': 50,
  'de:rural': 100,
  'at:urban': 50,
  'at:rural': 100,
  'ch:urban': 50,
  'ch:rural': 80,
  'fr:urban': 50,
  'fr:rural': 80,
  'ru:urban': 60,
  'ru:rural': 90,
  'ru:living_street': 20,
  'it:urban': 50,
};

/** maxspeed in km/h: "50" → 50, "30 mph" → 48, "DE:zone30" → 30, "DE:urban" → 50; "none"/"signals" → undefined. */
export function parseMaxspeed(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  const values = raw.split(';').map((part) => parseOne(part.trim().toLowerCase())).filter((v): v is number => v !== undefined);
  // Where several limits apply (e.g. time-dependent), the higher one is the risk to plan for.
  return values.length ? Math.max(...values) : undefined;
}

function parseOne(s: string): number | undefined {
  const num = /^(\d+(?:\.\d+)?)\s*(mph|km\/h|kmh|kph)?$/.exec(s);
  if (num) return Math.round(Number(num[1]) * (num[2] === 'mph' ? MPH : 1));
  const zone = /^[a-z]{2}:zone:?(\d+)$/.exec(s);
  if (zone) return Number(zone[1]);
  return IMPLICIT[s];
}

export function parseIntTag(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) ? n : undefined;
}

export function parseNumberTag(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number.parseFloat(raw.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

const SIDEWALK_VALUES = new Set(['both', 'left', 'right', 'no', 'separate']);

/** sidewalk as the schema wants it (both/left/right/no/separate), also read from sidewalk:both/left/right. */
export function sidewalkOf(t: Tags): string | undefined {
  const s = t['sidewalk'];
  if (s === 'none') return 'no';
  if (s && SIDEWALK_VALUES.has(s)) return s;
  const both = t['sidewalk:both'];
  if (both === 'yes') return 'both';
  if (both && SIDEWALK_VALUES.has(both)) return both;
  const left = t['sidewalk:left'];
  const right = t['sidewalk:right'];
  const has = (v: string | undefined) => v === 'yes' || v === 'separate';
  if (has(left) && has(right)) return 'both';
  if (has(left)) return 'left';
  if (has(right)) return 'right';
  if (left === 'no' && right === 'no') return 'no';
  return s; // an unusual value is kept as tagged
}

/** name:zh, else its script variants. */
export function nameZh(t: Tags): string | undefined {
  return t['name:zh'] ?? t['name:zh-Hans'] ?? t['name:zh-Hant'];
}
