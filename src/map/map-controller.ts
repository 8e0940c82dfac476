/**
 * The live map, outside React: creates MapLibre with the offline style, adds the deck.gl overlay once the
 * style has loaded (interleaved; see docs/browser-testing.md), and keeps both in step with the store.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { createDeckOverlay } from './deck-overlay';
import type { Layer } from '@deck.gl/core';
import { activeBasemapUrl, selectedFeature, type AppState, type AppStore } from '../state';
import { fetchRemoteStyle } from './basemap/remote-style';
import { fontFaces, offlineStyle, type FontFile } from './basemap/style';
import { buildDeckLayers } from './layers/deck-layers';
import { buildGapLayers, sameGapLayers } from './layers/gap-layers';
import { buildAnalysisLayers, sameAnalysisLayers } from './layers/analysis-layers';
import { buildSafetyLayers, sameSafetyLayers } from './layers/safety-layers';
import { buildStyleModel, type StyleModel } from './layers/maplibre-layers';
import { drawKind, engineOf } from './draw-kind';
import { pickAt } from './pick';
import { emptyMemo, syncStyle } from './sync-style';
import { carrySketchLayers, raiseSketchLayers } from './sketch/carry-sketch-layers';
import { bindSketchDraw } from './sketch/sketch-draw';
import { bindStickerMarkers } from './sketch/sticker-markers';

export interface MapOptions {
  /** 0 in tests, so labels appear at once. */
  readonly fadeDuration?: number;
  /** Base URL the app is served from, for font files. */
  readonly baseUrl: string;
  /** Label fonts (woff2 subsets with unicode ranges), bundled by the app. */
  readonly fontFiles: readonly FontFile[];
}

export interface MapHandle {
  readonly map: maplibregl.Map;
  /** Resolves on the next idle after a repaint: everything requested so far is drawn. */
  whenDrawn(): Promise<void>;
  /** How the renderer currently shows a layer, for the test hook. */
  drawnState(layerId: string): { engine: 'maplibre' | 'deck'; visible: boolean } | null;
  destroy(): void;
}

export function mountMap(container: HTMLElement, store: AppStore, opts: MapOptions): MapHandle {
  maplibregl.setWorkerUrl(workerUrl);
  const s0 = store.getState();
  const v = s0.cameraRequest?.kind === 'view' ? s0.cameraRequest.view : null;
  const map = new maplibregl.Map({
    container,
    // A remote style only once the user consented in this session (basemap-consent-slice.ts).
    style: activeBasemapUrl(s0) ?? offlineStyle(opts.fontFiles, opts.baseUrl),
    center: v ? [v.lng, v.lat] : [0, 20],
    zoom: v?.zoom ?? 1.5,
    attributionControl: false,
    fadeDuration: opts.fadeDuration ?? 300,
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');

  let overlay: MapLibreOverlay | null = null;
  let model: StyleModel | null = null;
  let deckLayers: Layer[] = [];
  let memo = emptyMemo();
  let styleUrl = activeBasemapUrl(s0);
  let styleLoading = false;
  let styleSeq = 0;
  let last: Pick<AppState, 'doc' | 'layerData' | 'language' | 'selection' | 'analysis' | 'rules' | 'safety' | 'openPanel'> | null = null;
  let retryQueued = false;
  let redrawPending = false;
  let handledCamera = v ? s0.cameraRequest?.seq ?? 0 : 0;
  let unbindSketch: (() => void)[] = [];

  function render(s: AppState) {
    if (!overlay || styleLoading) return;
    const sameData = !!last && !!model && last.doc.layers === s.doc.layers && last.layerData === s.layerData;
    const styleChanged = !sameData || last!.language !== s.language;
    // The language only changes label text fields: deck.gl's layers are left alone (no diff, no redraw of theirs).
    const deckChanged = !sameData || last!.selection !== s.selection || !sameAnalysisLayers(last!.analysis, s.analysis) || !sameGapLayers(last!.rules, s.rules)
      || !sameSafetyLayers(last!.safety, s.safety) || (last!.openPanel === 'safety') !== (s.openPanel === 'safety');
    if (!styleChanged && !deckChanged) return;
    last = s;
    const input = { layers: s.doc.layers, data: s.layerData, language: s.language };
    if (styleChanged) {
      model = buildStyleModel(input);
      syncStyle(map, model, memo);
    }
    if (!deckChanged) return;
    deckLayers = [...buildDeckLayers({ ...input, firstStyleLayer: model!.firstStyleLayer, selected: selectedFeature(s)?.feature }), ...buildAnalysisLayers({ analysis: s.analysis, data: s.layerData }), ...buildGapLayers(s),
      // The safe-routes overlay only while its panel is open: it would hide the access colours.
      ...buildSafetyLayers(s, s.openPanel === 'safety')];
    overlay.setProps({ layers: deckLayers });
    // deck.gl inserts its interleaved layer groups only while the style reports loaded, which is false
    // while a new GeoJSON source is parsing; without the groups deck draws over everything. Retry on idle.
    if (!map.isStyleLoaded() && !retryQueued) {
      retryQueued = true;
      map.once('idle', () => {
        retryQueued = false;
        redrawPending = true;
        overlay?.setProps({ layers: deckLayers });
        map.triggerRepaint();
      });
    }
  }

  /**
   * A remote basemap replaces the whole style; our layers are added again once it has loaded. A remote
   * style that fails is reported and declined, which brings the offline basemap back with our layers.
   */
  function basemap(s: AppState) {
    const url = activeBasemapUrl(s);
    if (url === styleUrl) return;
    styleUrl = url;
    styleLoading = true;
    const mine = ++styleSeq;
    const apply = (style: string | maplibregl.StyleSpecification) => {
      if (mine !== styleSeq) return;
      map.setStyle(style, { diff: false, transformStyle: carrySketchLayers }); // the sketch's layers survive
      map.once('style.load', () => {
        if (mine !== styleSeq) return;
        if (url) map.setFontFaces(fontFaces(opts.fontFiles, opts.baseUrl)); // our labels keep the bundled fonts
        styleLoading = false;
        memo = emptyMemo();
        last = null;
        render(store.getState());
        raiseSketchLayers(map);
      });
    };
    if (!url) return apply(offlineStyle(opts.fontFiles, opts.baseUrl));
    fetchRemoteStyle(url).then(apply, (e: unknown) => {
      if (mine !== styleSeq) return;
      const st = store.getState();
      st.reportError(new URL(url).host, { code: 'basemap.failed', params: { url, detail: String((e as Error)?.message ?? e).slice(0, 200) } });
      st.answerBasemap(url, false); // declined: the subscription brings the offline basemap back
    });
  }

  function camera(s: AppState) {
    const req = s.cameraRequest;
    if (!req || req.seq === handledCamera) return;
    handledCamera = req.seq;
    if (req.kind === 'view') map.jumpTo({ center: [req.view.lng, req.view.lat], zoom: req.view.zoom });
    else {
      const [w, south, e, n] = req.bbox;
      map.fitBounds([[w, south], [e, n]], { padding: 40, duration: 0, maxZoom: 18 });
    }
  }

  const bounds = (): [number, number, number, number] => {
    const b = map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  };
  map.once('load', () => {
    if (styleUrl) map.setFontFaces(fontFaces(opts.fontFiles, opts.baseUrl));
    overlay = createDeckOverlay(); // one deck view for the map's life: no extra frame per style change
    map.addControl(overlay);
    // The first camera comes without a moveend: report what is visible (for view-only loads).
    store.getState().setViewBounds(bounds());
    basemap(store.getState()); // consent may have come while the map was loading
    render(store.getState());
    camera(store.getState());
    // The co-sketch layer (terra-draw + sticker markers), above the data layers.
    unbindSketch = [bindSketchDraw(map, store), bindStickerMarkers(map, store)];
  });
  const unsubscribe = store.subscribe((s) => {
    if (overlay) basemap(s);
    render(s);
    camera(s);
  });
  map.on('moveend', () => {
    const c = map.getCenter();
    store.getState().setView({ zoom: map.getZoom(), lat: c.lat, lng: c.lng }, bounds());
  });
  map.on('click', (e) => store.getState().sketch.tool === 'none' && store.getState().select(pickAt(map, store.getState(), model, e.point.x, e.point.y)));
  map.on('error', (e) => console.warn('map error', e.error?.message ?? e));

  return {
    map,
    async whenDrawn() {
      const nextIdle = () =>
        new Promise<void>((resolve) => {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        });
      // An idle that only re-attached deck.gl's layer groups has not drawn them yet: wait one more.
      do {
        redrawPending = false;
        await nextIdle();
      } while (retryQueued || redrawPending || !map.isStyleLoaded());
    },
    drawnState(layerId) {
      const layer = store.getState().doc.layers.find((l) => l.id === layerId);
      if (!layer) return null;
      if (engineOf(drawKind(layer.role)) === 'deck') {
        const d = deckLayers.find((l) => l.id === layerId);
        return d ? { engine: 'deck', visible: d.props.visible } : null;
      }
      const id = model?.firstStyleLayer[layerId];
      return id && map.getLayer(id) ? { engine: 'maplibre', visible: map.getLayoutProperty(id, 'visibility') !== 'none' } : null;
    },
    destroy() {
      unsubscribe();
      for (const off of unbindSketch) off();
      map.remove();
    },
  };
}
