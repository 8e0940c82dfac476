/**
 * Sketch stickers as picture markers over their points (a picture a child recognises: the bundled SVG of
 * its sticker, since emoji fonts are missing on many machines and MapLibre's glyphs have no emoji). The
 * markers never take a pointer event, so terra-draw still selects and drags the point beneath. No HTML strings.
 * Where three or more children's marks crowd together at the current zoom, a cluster badge stands for them
 * and their stickers are taken off the map (mark-clusters.ts).
 */
import * as maplibregl from 'maplibre-gl';
import type { SketchFeature } from '../../core/sketch';
import type { AppState, AppStore } from '../../state';
import { iconOf } from '../../sketch/sketch-icons';
import { iconElement } from './icon-element';
import { bindMarkClusters } from './mark-clusters';

export function bindStickerMarkers(map: maplibregl.Map, store: AppStore): () => void {
  const markers = new Map<string, { marker: maplibregl.Marker; el: HTMLElement; key: string }>();

  let hidden: ReadonlySet<string> = new Set();
  let last: readonly SketchFeature[] = [];
  const clusters = bindMarkClusters(map, (ids) => {
    hidden = ids;
    sync(last);
  });

  function sync(features: readonly SketchFeature[]) {
    const points = features.filter((f) => f.geometry.type === 'Point' && !hidden.has(f.id));
    const want = new Set(points.map((f) => f.id));
    for (const [id, m] of markers) {
      if (!want.has(id)) {
        m.marker.remove();
        markers.delete(id);
      }
    }
    for (const f of points) {
      const coords = f.geometry.coordinates as [number, number];
      const icon = iconOf(f.properties.kind, f.properties.emoji);
      const key = `${coords.join(',')}|${icon}|${f.properties.kind}|${f.properties.status ?? ''}`;
      const had = markers.get(f.id);
      if (had && had.key === key) continue;
      if (had) {
        had.marker.setLngLat(coords);
        had.el.replaceChildren(iconElement(icon, 30));
        had.el.dataset.kind = f.properties.kind;
        had.el.dataset.status = f.properties.status ?? '';
        had.el.dataset.lnglat = coords.join(',');
        had.key = key;
        continue;
      }
      const el = document.createElement('div');
      el.className = 'sketch-sticker';
      el.appendChild(iconElement(icon, 30));
      el.dataset.id = f.id;
      el.dataset.kind = f.properties.kind;
      el.dataset.status = f.properties.status ?? '';
      el.dataset.lnglat = coords.join(',');
      el.setAttribute('aria-hidden', 'true');
      const marker = new maplibregl.Marker({ element: el, anchor: 'bottom', offset: [0, -6] }).setLngLat(coords).addTo(map);
      markers.set(f.id, { marker, el, key });
    }
  }

  const show = (features: readonly SketchFeature[]) => {
    last = features;
    clusters.setFeatures(features);
    sync(features);
  };
  const render = (s: AppState) => {
    if (s.sketch.features !== last) show(s.sketch.features);
  };
  show(store.getState().sketch.features);
  const unsubscribe = store.subscribe(render);
  return () => {
    unsubscribe();
    clusters.destroy();
    for (const m of markers.values()) m.marker.remove();
    markers.clear();
  };
}
