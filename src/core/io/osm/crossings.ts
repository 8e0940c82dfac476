/**
 * Crossing nodes → the schema's crossing values. Tagging varies by era and region: crossing=uncontrolled was
 * long iD's preset for marked crossings, so it counts as marked when markings are tagged, else uncontrolled.
 */
import type { Tags } from './osm-store';

export type CrossingValue = 'traffic_signals' | 'marked' | 'uncontrolled' | 'unmarked' | 'grade_separated';

const SIGNAL_REFS = new Set(['pelican', 'toucan', 'puffin', 'pegasus']);

export interface CrossingReading {
  readonly value: CrossingValue;
  /** True where the tags did not say which kind (highway=crossing alone, crossing=yes, …). */
  readonly uncertain: boolean;
}

export function isCrossingNode(t: Tags): boolean {
  return t['highway'] === 'crossing' || t['highway'] === 'traffic_signals' || (t['crossing'] !== undefined && t['crossing'] !== 'no');
}

/** Undefined for crossing=no (crossing is prohibited there). */
export function readCrossing(t: Tags): CrossingReading | undefined {
  const c = t['crossing'];
  const markings = t['crossing:markings'];
  const ref = t['crossing_ref'];
  const marked = markings !== undefined && markings !== 'no';
  if (c === 'no') return undefined;
  if (c === 'traffic_signals' || t['highway'] === 'traffic_signals' || t['crossing:signals'] === 'yes' || (ref && SIGNAL_REFS.has(ref)))
    return { value: 'traffic_signals', uncertain: false };
  if (c === 'grade_separated' || c === 'underpass' || c === 'overpass') return { value: 'grade_separated', uncertain: false };
  if (c === 'zebra' || c === 'marked' || ref === 'zebra') return { value: 'marked', uncertain: false };
  if (c === 'uncontrolled') return { value: marked ? 'marked' : 'uncontrolled', uncertain: false };
  if (c === 'unmarked' || c === 'informal' || markings === 'no') return { value: 'unmarked', uncertain: false };
  if (marked) return { value: 'marked', uncertain: false };
  return { value: 'uncontrolled', uncertain: true };
}
