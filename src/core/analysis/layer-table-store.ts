/**
 * The analysis worker's layer tables by key, as the io worker sent them (src/protocol/layer-channel.ts):
 * a dataset is assembled from them by key (setLayerInputs), so layers never cross the main thread.
 * A table stays until dropped; a dataset built from it keeps its own reference.
 */
import { assembleTables, type AnalysisTables, type LayerTable, type UnitSources } from '../tables';
import type { UnitLevel } from '../model';

/** Which held tables make a dataset (keys of the tables the io worker sent). */
export interface LayerInputKeys {
  readonly streets: readonly string[];
  readonly homes: string;
  readonly facilities: readonly string[];
  readonly units: Readonly<Partial<Record<UnitLevel, string>>>;
  readonly crossings?: string;
}

export const LAYER_TABLE_ERRORS = { missing: 'analysis.missing-layer-table', wrongKind: 'analysis.wrong-layer-table' } as const;

export function createLayerTableStore() {
  const tables = new Map<string, LayerTable>();
  function get<K extends LayerTable['kind']>(key: string, kind: K): Extract<LayerTable, { kind: K }> {
    const t = tables.get(key);
    if (!t) throw Object.assign(new Error(key), { code: LAYER_TABLE_ERRORS.missing, params: { key } });
    if (t.kind !== kind) throw Object.assign(new Error(key), { code: LAYER_TABLE_ERRORS.wrongKind, params: { key, kind } });
    return t as Extract<LayerTable, { kind: K }>;
  }
  return {
    put(key: string, table: LayerTable): void {
      tables.set(key, table);
    },
    has: (key: string): boolean => tables.has(key),
    drop(keys: readonly string[]): void {
      for (const k of keys) tables.delete(k);
    },
    keys: (): string[] => [...tables.keys()],
    /** The dataset's tables; a missing or mistyped key throws a coded error. */
    assemble(keys: LayerInputKeys): AnalysisTables {
      const units: UnitSources = {};
      for (const [level, key] of Object.entries(keys.units) as [UnitLevel, string][]) units[level] = get(key, 'units');
      return assembleTables({
        streets: keys.streets.map((k) => get(k, 'streets')),
        homes: get(keys.homes, 'homes'),
        facilities: keys.facilities.map((k) => get(k, 'facilities')),
        units,
        ...(keys.crossings ? { crossings: [get(keys.crossings, 'crossings')] } : {}),
      });
    },
  };
}

export type LayerTableStore = ReturnType<typeof createLayerTableStore>;
