/**
 * Applies a StyleModel to a live map as a small diff (add/remove sources and layers, set changed paint
 * and layout properties, reorder) instead of setStyle, so GeoJSON sources are never re-parsed for a
 * style change and deck.gl's interleaved layer groups stay in place.
 */
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MlMap } from 'maplibre-gl';
import type { StyleModel } from './layers/maplibre-layers';

export interface SyncMemo {
  readonly sources: Map<string, FeatureCollection>;
  readonly layers: Map<string, LayerSpecification>;
}

export const emptyMemo = (): SyncMemo => ({ sources: new Map(), layers: new Map() });

type Props = Record<string, unknown>;

function syncProps(map: MlMap, id: string, before: Props | undefined, after: Props | undefined, set: 'paint' | 'layout') {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    const a = before?.[k];
    const b = after?.[k];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (set === 'paint') map.setPaintProperty(id, k as Parameters<MlMap['setPaintProperty']>[1], b as never);
    else map.setLayoutProperty(id, k as Parameters<MlMap['setLayoutProperty']>[1], b as never);
  }
}

export function syncStyle(map: MlMap, model: StyleModel, memo: SyncMemo): void {
  const wantLayers = new Map(model.layers.map((l) => [l.id, l]));
  const wantSources = new Map(model.sources.map((s) => [s.id, s.data]));

  for (const id of memo.layers.keys()) {
    if (!wantLayers.has(id)) {
      if (map.getLayer(id)) map.removeLayer(id);
      memo.layers.delete(id);
    }
  }
  for (const id of memo.sources.keys()) {
    if (!wantSources.has(id)) {
      if (map.getSource(id)) map.removeSource(id);
      memo.sources.delete(id);
    }
  }
  for (const [id, data] of wantSources) {
    const had = memo.sources.get(id);
    if (had === undefined) map.addSource(id, { type: 'geojson', data, generateId: true }); // ids = feature index, for picking
    else if (had !== data) (map.getSource(id) as GeoJSONSource).setData(data);
    memo.sources.set(id, data);
  }
  for (const spec of model.layers) {
    const had = memo.layers.get(spec.id);
    if (!had) map.addLayer(spec);
    else if (had !== spec) {
      syncProps(map, spec.id, had.paint as Props, spec.paint as Props, 'paint');
      syncProps(map, spec.id, had.layout as Props, spec.layout as Props, 'layout');
    }
    memo.layers.set(spec.id, spec);
  }
  // Reorder only when our layers are out of order; moving each to the top in turn restores the model's order.
  const ours = new Set(wantLayers.keys());
  const current = map.getLayersOrder().filter((id) => ours.has(id));
  if (current.join('\n') !== model.layers.map((l) => l.id).join('\n')) {
    for (const spec of model.layers) map.moveLayer(spec.id);
  }
}
