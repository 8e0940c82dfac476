/**
 * What is under a screen point, top layer first. deck.gl layers are hit-tested on the CPU (screen distance
 * for points, point-in-polygon for areas, distance for lines): GPU picking would compile a second set of
 * shaders on first click, which costs seconds on software WebGL. MapLibre layers use queryRenderedFeatures.
 */
import { bbox as turfBbox, booleanPointInPolygon, pointToLineDistance } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { Map as MlMap } from 'maplibre-gl';
import type { AppState, Selection } from '../state';
import { drawKind, engineOf } from './draw-kind';
import type { StyleModel } from './layers/maplibre-layers';

const RADIUS_PX = 6;
const bboxes = new WeakMap<FeatureCollection, (number[] | null)[]>();

function bboxesOf(fc: FeatureCollection): (number[] | null)[] {
  let b = bboxes.get(fc);
  if (!b) bboxes.set(fc, (b = fc.features.map((f) => (f.geometry ? turfBbox(f) : null))));
  return b;
}

function pointsOf(f: Feature): Position[] {
  const g = f.geometry;
  if (g?.type === 'Point') return [g.coordinates];
  if (g?.type === 'MultiPoint') return g.coordinates;
  return [];
}

function hitDeckLayer(map: MlMap, fc: FeatureCollection, x: number, y: number): number {
  const ll = map.unproject([x, y]);
  const edge = map.unproject([x + RADIUS_PX, y]);
  const tolDeg = Math.abs(edge.lng - ll.lng);
  const boxes = bboxesOf(fc);
  let best = -1;
  let bestD = Infinity;
  for (let i = fc.features.length - 1; i >= 0; i--) {
    const b = boxes[i];
    if (!b || ll.lng < b[0] - tolDeg || ll.lng > b[2] + tolDeg || ll.lat < b[1] - tolDeg || ll.lat > b[3] + tolDeg) continue;
    const f = fc.features[i];
    const t = f.geometry?.type;
    if (t === 'Point' || t === 'MultiPoint') {
      for (const p of pointsOf(f)) {
        const s = map.project([p[0], p[1]]);
        const d = Math.hypot(s.x - x, s.y - y);
        if (d <= RADIUS_PX + 2 && d < bestD) [best, bestD] = [i, d];
      }
    } else if (t === 'Polygon' || t === 'MultiPolygon') {
      if (booleanPointInPolygon([ll.lng, ll.lat], f as Feature<Polygon | MultiPolygon>)) return i;
    } else if (t === 'LineString' || t === 'MultiLineString') {
      const lines = t === 'LineString' ? [f as Feature<LineString>] : (f.geometry as MultiLineString).coordinates.map((c) => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: c } }) as Feature<LineString>);
      const metresPerPx = map.getContainer().clientWidth ? (40075016.7 * Math.cos((ll.lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom()) : 1;
      for (const line of lines) {
        const d = pointToLineDistance([ll.lng, ll.lat], line, { units: 'meters' }) / metresPerPx;
        if (d <= RADIUS_PX && d < bestD) [best, bestD] = [i, d];
      }
    }
  }
  return best;
}

export function pickAt(map: MlMap, state: AppState, model: StyleModel | null, x: number, y: number): Selection | null {
  const layers = state.doc.layers;
  for (let li = layers.length - 1; li >= 0; li--) {
    const l = layers[li];
    const data = state.layerData[l.id];
    if (!l.visible || !data) continue;
    if (engineOf(drawKind(l.role)) === 'deck') {
      const i = hitDeckLayer(map, data.data, x, y);
      if (i >= 0) return { layerId: l.id, featureIndex: i };
    } else if (model) {
      const ids = model.layers.map((s) => s.id).filter((id) => id.startsWith(`${l.id}:`) && !id.endsWith(':label') && map.getLayer(id));
      const top = map.queryRenderedFeatures([[x - 3, y - 3], [x + 3, y + 3]], { layers: ids })[0];
      if (top && typeof top.id === 'number') return { layerId: l.id, featureIndex: top.id };
    }
  }
  return null;
}
