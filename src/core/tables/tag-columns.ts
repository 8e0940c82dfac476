/**
 * A few attributes of many features, dictionary-encoded: per key the distinct values once and a code per
 * feature (0 = absent). Street classes, access and speed tags repeat across thousands of ways, so this is a
 * small typed array per key instead of an object per feature. Values keep their JS type (string, number,
 * boolean), so the readers of the schema (readStreet, the safety core's tag readers) see what GeoJSON had.
 */
import type { Props } from '../model';

export type TagValue = string | number | boolean;

export interface TagColumns {
  readonly count: number;
  /** Only keys present on at least one feature. */
  readonly keys: readonly string[];
  /** Per key: its distinct values; code c > 0 is values[c - 1]. */
  readonly values: readonly (readonly TagValue[])[];
  readonly codes: readonly (Uint16Array | Uint32Array)[];
}

const isTag = (v: unknown): v is TagValue => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

export function tagColumns(props: readonly (Props | null | undefined)[], keys: readonly string[]): TagColumns {
  const n = props.length;
  const outKeys: string[] = [];
  const values: TagValue[][] = [];
  const codes: (Uint16Array | Uint32Array)[] = [];
  for (const key of keys) {
    const dict = new Map<TagValue, number>();
    const raw = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const v = props[i]?.[key];
      if (!isTag(v)) continue;
      let c = dict.get(v);
      if (c === undefined) dict.set(v, (c = dict.size + 1));
      raw[i] = c;
    }
    if (dict.size === 0) continue;
    outKeys.push(key);
    values.push([...dict.keys()]);
    codes.push(dict.size < 0xffff ? Uint16Array.from(raw) : raw);
  }
  return { count: n, keys: outKeys, values, codes };
}

/** Feature i's kept attributes as a properties object (only the present keys). */
export function tagsAt(t: TagColumns, i: number): Props {
  const out: Record<string, TagValue> = {};
  for (let k = 0; k < t.keys.length; k++) {
    const c = t.codes[k]![i]!;
    if (c) out[t.keys[k]!] = t.values[k]![c - 1]!;
  }
  return out;
}

/** Several columns one after the other (features of the second follow those of the first). */
export function concatTagColumns(parts: readonly TagColumns[]): TagColumns {
  const keys = [...new Set(parts.flatMap((p) => p.keys))];
  const count = parts.reduce((s, p) => s + p.count, 0);
  const values: TagValue[][] = [];
  const codes: Uint32Array[] = [];
  for (const key of keys) {
    const dict = new Map<TagValue, number>();
    const out = new Uint32Array(count);
    let base = 0;
    for (const p of parts) {
      const k = p.keys.indexOf(key);
      if (k >= 0) {
        const remap = p.values[k]!.map((v) => {
          let c = dict.get(v);
          if (c === undefined) dict.set(v, (c = dict.size + 1));
          return c;
        });
        const src = p.codes[k]!;
        for (let i = 0; i < p.count; i++) if (src[i]) out[base + i] = remap[src[i]! - 1]!;
      }
      base += p.count;
    }
    values.push([...dict.keys()]);
    codes.push(out);
  }
  return { count, keys, values, codes: codes.map((c, k) => (values[k]!.length < 0xffff ? Uint16Array.from(c) : c)) };
}
