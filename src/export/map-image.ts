/**
 * The print map: a hidden MapLibre + deck.gl map of exactly the frame's pixel size, drawn from the same
 * pure builders as the live map (style model, deck layers, analysis and gap layers), at a pixel ratio of
 * dpi / 96 so labels and lines keep their printed size. One instance serves every page of an atlas. The
 * size is checked against the WebGL limits first (core/print's canvas limit): never drawn smaller.
 */
import * as maplibregl from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { checkMapSize, type CanvasLimits, type MapSizeCheck } from '../core/print';
import type { AppState } from '../state';
import { selectedFeature } from '../state';
import { offlineStyle, type FontFile } from '../map/basemap/style';
import { buildDeckLayers } from '../map/layers/deck-layers';
import { buildAnalysisLayers } from '../map/layers/analysis-layers';
import { buildGapLayers } from '../map/layers/gap-layers';
import { buildStyleModel } from '../map/layers/maplibre-layers';
import { emptyMemo, syncStyle } from '../map/sync-style';
import type { BBox } from './compose-map-page';

/** What this browser's WebGL can draw in one piece: the smallest of its texture, renderbuffer and viewport limits. */
export function webglLimits(): CanvasLimits {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return { maxSide: 4096, maxArea: 4096 * 4096 };
  const vp = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
  const side = Math.min(gl.getParameter(gl.MAX_TEXTURE_SIZE) as number, gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number, vp[0], vp[1]);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return { maxSide: side, maxArea: 268_435_456 };
}

export interface PrintMap {
  /** Draws `extent` (fitted, centred) and returns the picture and the zoom it was drawn at. */
  draw(extent: BBox): Promise<{ canvas: HTMLCanvasElement; zoom: number; centerLat: number; project: (p: readonly [number, number]) => [number, number] }>;
  /** Device pixels per CSS pixel: mpp of a printed pixel = mpp(zoom) / ratio. */
  readonly ratio: number;
  destroy(): void;
}

export interface PrintMapOptions {
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  readonly fontFiles: readonly FontFile[];
  readonly baseUrl: string;
  readonly limits?: CanvasLimits;
}

const idle = (map: maplibregl.Map) =>
  new Promise<void>((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });

export async function createPrintMap(state: AppState, o: PrintMapOptions): Promise<{ ok: true; map: PrintMap } | Extract<MapSizeCheck, { ok: false }>> {
  const limits = o.limits ?? webglLimits();
  const check = checkMapSize(o.width, o.height, limits);
  if (!check.ok) return check;
  const ratio = o.dpi / 96;
  // CSS size rounded up so the canvas is at least the asked size; the excess (< ratio px) is cropped.
  const cssW = Math.ceil(o.width / ratio);
  const cssH = Math.ceil(o.height / ratio);
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.dataset.printMap = '';
  Object.assign(box.style, { position: 'fixed', left: '-20000px', top: '0', width: `${cssW}px`, height: `${cssH}px`, pointerEvents: 'none' });
  document.body.append(box);
  const map = new maplibregl.Map({
    container: box,
    style: offlineStyle(o.fontFiles, o.baseUrl),
    pixelRatio: ratio,
    maxCanvasSize: [limits.maxSide, limits.maxSide],
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
  });
  await new Promise<void>((resolve) => map.once('load', () => resolve()));
  const overlay = new MapLibreOverlay({ interleaved: true, useDevicePixels: ratio, layers: [] });
  map.addControl(overlay);
  const input = { layers: state.doc.layers, data: state.layerData, language: state.language };
  const model = buildStyleModel(input);
  syncStyle(map, model, emptyMemo());
  const deckLayers = [
    ...buildDeckLayers({ ...input, firstStyleLayer: model.firstStyleLayer, selected: selectedFeature(state)?.feature }),
    ...buildAnalysisLayers({ analysis: state.analysis, data: state.layerData }),
    ...buildGapLayers(state),
  ];
  overlay.setProps({ layers: deckLayers });

  return {
    ok: true,
    map: {
      ratio,
      async draw(extent) {
        map.fitBounds([[extent[0], extent[1]], [extent[2], extent[3]]], { padding: 0, duration: 0, animate: false });
        await idle(map);
        // deck.gl inserts its interleaved groups only once the style reports loaded (see map-controller).
        while (!map.isStyleLoaded()) await idle(map);
        overlay.setProps({ layers: deckLayers });
        await idle(map);
        const src = map.getCanvas();
        const out = document.createElement('canvas');
        out.width = o.width;
        out.height = o.height;
        const ctx = out.getContext('2d')!;
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, o.width, o.height);
        // Centred crop of the (at most a few pixels) larger canvas: no resampling.
        if (src.width < o.width || src.height < o.height) throw new Error(`print.map-too-large: ${src.width}×${src.height}`);
        const dx = Math.floor((src.width - o.width) / 2);
        const dy = Math.floor((src.height - o.height) / 2);
        ctx.drawImage(src, dx, dy, o.width, o.height, 0, 0, o.width, o.height);
        const project = (p: readonly [number, number]): [number, number] => {
          const q = map.project([p[0], p[1]]);
          return [q.x * ratio - dx, q.y * ratio - dy];
        };
        return { canvas: out, zoom: map.getZoom(), centerLat: map.getCenter().lat, project };
      },
      destroy() {
        map.remove();
        box.remove();
      },
    },
  };
}
