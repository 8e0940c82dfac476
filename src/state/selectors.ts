/** Derived reads. Pure functions of the state; components pick what they need. */
import type { ProjectLayer } from '../core/model';
import type { AppState, Language, LayerData } from './types';

export const layerById = (s: AppState, id: string): ProjectLayer | undefined => s.doc.layers.find((l) => l.id === id);

export const layerDisplayName = (layer: ProjectLayer, data: LayerData | undefined, lang: Language): string =>
  data?.names?.[lang] ?? layer.name;

export const canUndo = (s: AppState): boolean => s.history.past.length > 0;
export const canRedo = (s: AppState): boolean => s.history.future.length > 0;

/** The feature the user selected, if its layer and index still exist. */
export function selectedFeature(s: AppState) {
  const sel = s.selection;
  if (!sel) return undefined;
  const layer = layerById(s, sel.layerId);
  const feature = s.layerData[sel.layerId]?.data.features[sel.featureIndex];
  return layer && feature ? { layer, feature, index: sel.featureIndex } : undefined;
}
