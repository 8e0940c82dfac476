/**
 * FlatGeobuf encoding of the demo layers. flatgeobuf's serializer infers each column's type from the
 * first feature, so this checks that every feature agrees (a null is fine, a different type is not):
 * otherwise a later value would be written under the wrong type without any error.
 */
import type { FeatureCollection } from 'geojson';
import { serialize } from 'flatgeobuf/lib/mjs/geojson.js';

export function checkColumnTypes(fc: FeatureCollection): void {
  const first = fc.features[0]?.properties ?? {};
  const types = new Map(Object.entries(first).map(([k, v]) => [k, v === null ? 'string' : typeof v]));
  for (const f of fc.features) {
    const p = f.properties ?? {};
    for (const [k, v] of Object.entries(p)) {
      const t = types.get(k);
      if (t === undefined) throw new Error(`demo-encode: column ${k} missing from the first feature`);
      if (v !== null && typeof v !== t) throw new Error(`demo-encode: column ${k} is ${t} in the first feature, ${typeof v} later`);
    }
  }
}

export function encodeFgb(fc: FeatureCollection): Uint8Array {
  checkColumnTypes(fc);
  return serialize(fc);
}
