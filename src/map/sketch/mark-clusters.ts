/**
 * The children's marks clustered on the live map: one GeoJSON source with MapLibre's own clustering
 * (supercluster in MapLibre's worker, so the main thread only reads the result), an invisible probe layer
 * so its tiles load, and one HTML badge per visible cluster (its count, a ring in its kinds' colours and
 * each kind's count). The marks inside a shown cluster lose their stickers (`onHidden`); clicking a badge
 * zooms to where it splits. Work happens once the map is idle after a move or new data, never per frame.
 */
import * as maplibregl from 'maplibre-gl';
import type { SketchFeature } from '../../core/sketch';
import {
  CLUSTER_MAX_ZOOM, CLUSTER_MIN_POINTS, CLUSTER_PROPERTIES, CLUSTER_RADIUS_PX, clusterBreakdown, clusterData, clusterRing, clusterSize,
} from '../../sketch/mark-clusters';
import { iconOf } from '../../sketch/sketch-icons';
import { iconElement } from './icon-element';
import { KIND_COLOURS } from './sketch-draw';

/** Carried through a full setStyle with terra-draw's layers (carry-sketch-layers.ts). */
export const CLUSTER_SOURCE = 'sketch-marks';
const PROBE_LAYER = 'sketch-marks-probe';

export interface MarkClusters {
  setFeatures(features: readonly SketchFeature[]): void;
  destroy(): void;
}

export function bindMarkClusters(map: maplibregl.Map, onHidden: (ids: ReadonlySet<string>) => void): MarkClusters {
  let data = clusterData([]);
  let dirty = true;
  let seq = 0;
  let badges: maplibregl.Marker[] = [];
  let pending: readonly SketchFeature[] | null = null;
  let frame = 0;

  function ensureSource(): maplibregl.GeoJSONSource | null {
    try {
      return addSource();
    } catch {
      return null; // a style still loading: its 'style.load' adds the source
    }
  }

  function addSource(): maplibregl.GeoJSONSource | null {
    if (!map.getSource(CLUSTER_SOURCE)) {
      map.addSource(CLUSTER_SOURCE, {
        type: 'geojson', data, cluster: true, clusterRadius: CLUSTER_RADIUS_PX, clusterMaxZoom: CLUSTER_MAX_ZOOM,
        clusterMinPoints: CLUSTER_MIN_POINTS, clusterProperties: CLUSTER_PROPERTIES as never,
      });
    }
    if (!map.getLayer(PROBE_LAYER)) {
      map.addLayer({ id: PROBE_LAYER, type: 'circle', source: CLUSTER_SOURCE, paint: { 'circle-radius': 0, 'circle-opacity': 0, 'circle-stroke-width': 0 } });
    }
    return (map.getSource(CLUSTER_SOURCE) as maplibregl.GeoJSONSource | undefined) ?? null;
  }

  function badge(lngLat: [number, number], clusterId: number, props: Record<string, unknown>, ids: readonly string[]): maplibregl.Marker {
    const b = clusterBreakdown(props);
    const size = clusterSize(b.count);
    const el = document.createElement('button');
    el.type = 'button';
    el.className = 'sketch-cluster';
    el.dataset.count = String(b.count);
    // The marks it stands for (their stickers are off the map), as the stickers carry theirs in data-id.
    el.dataset.ids = ids.join(' ');
    el.dataset.kinds = b.byKind.map(([k, n]) => `${k}:${n}`).join(',');
    el.style.setProperty('--ring', clusterRing(b, KIND_COLOURS));
    el.style.setProperty('--size', `${size}px`);
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = String(b.count);
    const kinds = document.createElement('span');
    kinds.className = 'kinds';
    for (const [k, n] of b.byKind) {
      const chip = document.createElement('span');
      chip.dataset.kind = k;
      chip.append(iconElement(iconOf(k), 14), String(n));
      kinds.append(chip);
    }
    el.append(count, kinds);
    el.addEventListener('click', (e) => {
      e.stopPropagation();
      const src = map.getSource(CLUSTER_SOURCE) as maplibregl.GeoJSONSource | undefined;
      void src?.getClusterExpansionZoom(clusterId).then((zoom) => map.easeTo({ center: lngLat, zoom: Math.min(zoom, CLUSTER_MAX_ZOOM + 1) }));
    });
    return new maplibregl.Marker({ element: el }).setLngLat(lngLat).addTo(map);
  }

  async function update() {
    const mine = ++seq;
    const src = ensureSource();
    if (!src) return;
    // Features of the loaded tiles (a cluster crossing a tile edge comes once per tile).
    const found = new Map<number, { at: [number, number]; props: Record<string, unknown> }>();
    for (const f of map.querySourceFeatures(CLUSTER_SOURCE)) {
      const p = f.properties as Record<string, unknown>;
      if (p['cluster'] !== true || typeof p['cluster_id'] !== 'number' || f.geometry.type !== 'Point') continue;
      found.set(p['cluster_id'], { at: f.geometry.coordinates as [number, number], props: p });
    }
    const leaves = await Promise.all([...found].map(([id, c]) => src.getClusterLeaves(id, Number(c.props['point_count']) || 1, 0).catch(() => [])));
    if (mine !== seq) return; // a newer update started meanwhile
    const ids = leaves.map((list) => list.map((f) => String((f.properties as { fid?: unknown } | null)?.fid)));
    const hidden = new Set(ids.flat());
    for (const m of badges) m.remove();
    badges = [...found].map(([id, c], i) => badge(c.at, id, c.props, ids[i]!));
    onHidden(hidden);
  }

  const onIdle = () => {
    if (!dirty) return;
    dirty = false;
    void update();
  };
  const onMove = () => {
    dirty = true;
  };
  const onStyle = () => {
    ensureSource();
    dirty = true;
  };
  map.on('idle', onIdle);
  map.on('moveend', onMove);
  map.on('style.load', onStyle);
  ensureSource();

  return {
    setFeatures(features) {
      // Many edits in one frame (a peer's batch, a restore) send the data to MapLibre's worker once.
      const first = pending === null;
      pending = features;
      if (!first) return;
      frame = requestAnimationFrame(() => {
        data = clusterData(pending ?? []);
        pending = null;
        ensureSource()?.setData(data);
        dirty = true;
        map.triggerRepaint(); // an idle follows once the worker has clustered the new data
      });
    },
    destroy() {
      seq++;
      cancelAnimationFrame(frame);
      map.off('idle', onIdle);
      map.off('moveend', onMove);
      map.off('style.load', onStyle);
      for (const m of badges) m.remove();
      badges = [];
    },
  };
}
