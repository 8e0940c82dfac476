/**
 * Personal fields in layers about children (src/core/io/personal-fields.ts has the list): withheld when a
 * file loads, so the document, the map and the project never hold them; the values stay beside the layer
 * data for this session only, in case the user keeps them (Keep / Drop in the validation report). A
 * project file never contains them, kept or not (`savedData`).
 */
import type { FeatureCollection } from 'geojson';
import { PERSONAL_WARNINGS, mergeFields, personalFieldsToDrop, splitFields } from '../core/io/personal-fields';
import type { LoadWarning } from '../core/model';
import type { StoreApi } from 'zustand/vanilla';
import type { AppState, LayerData } from './types';

export interface Withheld {
  readonly fields: readonly string[];
  /** Per feature, the withheld values (null: none). */
  readonly values: readonly (Readonly<Record<string, unknown>> | null)[];
  /** True once the user chose to keep them: they are back in the features, but still never saved. */
  readonly kept: boolean;
}

type Loaded = Pick<LayerData, 'data' | 'fieldNames' | 'warnings'>;

const withoutPersonalWarnings = (ws: readonly LoadWarning[]) => ws.filter((w) => w.code !== PERSONAL_WARNINGS.dropped && w.code !== PERSONAL_WARNINGS.kept);

function dropped<T extends Loaded>(layer: T, fields: readonly string[]): T & { withheld?: Withheld } {
  const split = splitFields(layer.data, fields);
  const warning: LoadWarning = { code: PERSONAL_WARNINGS.dropped, count: split.featuresWithValues, params: { fields: fields.join(', ') } };
  return {
    ...layer,
    data: split.data,
    fieldNames: layer.fieldNames.filter((f) => !fields.includes(f)),
    warnings: [...withoutPersonalWarnings(layer.warnings), warning],
    withheld: { fields: [...fields], values: split.withheld, kept: false },
  };
}

/** At load: the layer without its personal fields (when it is about children), with a warning saying so. */
export function withholdOnLoad<T extends Loaded>(layer: T, role: string): T & { withheld?: Withheld } {
  const fields = personalFieldsToDrop(role, layer.fieldNames);
  return fields.length ? dropped(layer, fields) : layer;
}

const setData = (store: StoreApi<AppState>, id: string, d: LayerData) =>
  store.setState((s) => ({ layerData: { ...s.layerData, [id]: d } }));

/** The user keeps the withheld fields for this session. */
export function keepPersonalFields(store: StoreApi<AppState>, id: string): void {
  const d = store.getState().layerData[id];
  if (!d?.withheld || d.withheld.kept) return;
  const { fields, values } = d.withheld;
  const warning: LoadWarning = { code: PERSONAL_WARNINGS.kept, count: values.filter(Boolean).length, params: { fields: fields.join(', ') } };
  setData(store, id, {
    ...d,
    data: mergeFields(d.data, values),
    fieldNames: [...d.fieldNames, ...fields.filter((f) => !d.fieldNames.includes(f))],
    warnings: [...withoutPersonalWarnings(d.warnings), warning],
    withheld: { ...d.withheld, kept: true },
  });
}

/** Drops the personal fields the layer has now (kept earlier, or flagged after a role change). */
export function dropPersonalFields(store: StoreApi<AppState>, id: string): void {
  const s = store.getState();
  const d = s.layerData[id];
  const role = s.doc.layers.find((l) => l.id === id)?.role;
  if (!d || !role) return;
  const fields = personalFieldsToDrop(role, d.fieldNames);
  if (fields.length) setData(store, id, dropped(d, fields));
}

/** What a project file stores for a layer: never its personal fields. */
export function savedData(role: string, d: Pick<LayerData, 'data' | 'fieldNames' | 'withheld'>): FeatureCollection {
  const fields = [...new Set([...personalFieldsToDrop(role, d.fieldNames), ...(d.withheld?.kept ? d.withheld.fields : [])])];
  return fields.length ? splitFields(d.data, fields).data : d.data;
}
