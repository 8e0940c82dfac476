/**
 * A full `setStyle` (a remote basemap, or the offline one back) drops every source and layer, terra-draw's
 * too, and its MapLibre adapter then draws into sources that no longer exist. terra-draw's maintainer
 * recommends carrying its `td-*` sources and layers into the next style through `transformStyle`
 * (JamesLMilner/terra-draw#590); after our own layers are added again, `raiseSketchLayers` puts the
 * sketch back on top.
 */
import type { Map as MlMap, StyleSpecification } from 'maplibre-gl';

export const SKETCH_PREFIX = 'td-';
const isSketch = (id: unknown) => typeof id === 'string' && id.startsWith(SKETCH_PREFIX);

/** The next style with the previous style's sketch sources and layers (on top, never twice). */
export function carrySketchLayers(previous: StyleSpecification | undefined, next: StyleSpecification): StyleSpecification {
  if (!previous) return next;
  const carried = previous.layers.filter((l) => isSketch(l.id));
  if (!carried.length) return next;
  const sources = { ...next.sources };
  for (const [id, src] of Object.entries(previous.sources)) if (isSketch(id)) sources[id] = src;
  return { ...next, sources, layers: [...next.layers.filter((l) => !isSketch(l.id)), ...carried] };
}

/** Moves the sketch's layers above everything else, in their order. */
export function raiseSketchLayers(map: MlMap): void {
  for (const id of map.getLayersOrder()) if (isSketch(id)) map.moveLayer(id);
}
