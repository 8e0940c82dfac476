/**
 * Attribute hygiene. Attribute text is data, never markup: it is kept as plain strings (the UI renders
 * text nodes only). Keys that could reach Object.prototype when someone later copies the object with
 * assignment are dropped, and giant strings are cut so one cell cannot exhaust memory or the UI.
 */
import { IO_WARNINGS, type WarningTally } from './warnings';

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Longer cells are cut to this many characters. */
export const MAX_TEXT_LENGTH = 10_000;
const MAX_DEPTH = 8;
const MARKUP = /<\s*\/?\s*(script|iframe|img|svg|object|embed|style|a|on\w+)\b|javascript:/i;

type Props = Record<string, unknown>;

export function sanitizeProperties(input: unknown, featureIdx: number, tally: WarningTally): Props {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return {};
  return cleanObject(input as Props, featureIdx, tally, 0);
}

function cleanObject(input: Props, featureIdx: number, tally: WarningTally, depth: number): Props {
  const out: Props = {};
  for (const key of Object.keys(input)) {
    if (UNSAFE_KEYS.has(key)) {
      tally.add(IO_WARNINGS.unsafeKeyDropped, featureIdx);
      continue;
    }
    // defineProperty, not assignment: no setter on the prototype chain can fire.
    Object.defineProperty(out, key, { value: cleanValue(input[key], featureIdx, tally, depth), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function cleanValue(v: unknown, featureIdx: number, tally: WarningTally, depth: number): unknown {
  if (typeof v === 'string') {
    let s = v;
    if (s.length > MAX_TEXT_LENGTH) {
      s = s.slice(0, MAX_TEXT_LENGTH);
      tally.add(IO_WARNINGS.longTextTruncated, featureIdx);
    }
    if ((s.includes('<') || s.includes(':')) && MARKUP.test(s)) tally.add(IO_WARNINGS.markupInText, featureIdx);
    return s;
  }
  // NaN and ±Infinity (FlatGeobuf doubles, GeoPackage REALs) have no JSON form: saved projects would read null.
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'object' || depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(v)) return v.map((x) => cleanValue(x, featureIdx, tally, depth + 1));
  return cleanObject(v as Props, featureIdx, tally, depth + 1);
}
