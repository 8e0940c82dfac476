/**
 * terra-draw on the live map, bound to the sketch slice both ways: what a person finishes drawing,
 * dragging or reshaping is written to the Y.Doc through the slice (so it is sanitised, undoable and
 * shared), and whatever the Y.Doc holds (own edits, undo, peers, a restore) is drawn here. terra-draw keeps
 * only a copy; the Y.Doc is the truth, so a refused write is simply drawn back.
 */
import type { Map as MlMap } from 'maplibre-gl';
import {
  TerraDraw, TerraDrawLineStringMode, TerraDrawPointMode, TerraDrawPolygonMode, TerraDrawSelectMode,
  type GeoJSONStoreFeatures, type HexColor,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { SketchFeature, SketchGeometry } from '../../core/sketch';
import type { AppState, AppStore, SketchTool } from '../../state';

const MODE: Record<SketchTool, string> = { none: 'static', select: 'select', point: 'point', route: 'linestring', area: 'polygon' };
const MODE_OF: Record<SketchGeometry['type'], string> = { Point: 'point', LineString: 'linestring', Polygon: 'polygon' };

export const KIND_COLOURS: Record<string, HexColor> = {
  wish: '#2e9d4f', danger: '#d7261e', favourite: '#e0409a', route: '#2f6fd6', barrier: '#8a5a14', proposal: '#f08c00',
};
const colourOf = (f: GeoJSONStoreFeatures): HexColor => KIND_COLOURS[String(f.properties.kind)] ?? '#555555';

const feature = { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true } };

function toDraw(f: SketchFeature): GeoJSONStoreFeatures {
  return { type: 'Feature', id: f.id, geometry: f.geometry, properties: { mode: MODE_OF[f.geometry.type], kind: f.properties.kind } } as GeoJSONStoreFeatures;
}

const sameGeometry = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function bindSketchDraw(map: MlMap, store: AppStore): () => void {
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 7 }),
    idStrategy: { getId: () => globalThis.crypto.randomUUID(), isValidId: (id) => typeof id === 'string' && id.length > 0 },
    modes: [
      new TerraDrawPointMode({ styles: { pointColor: () => '#2e9d4f', pointWidth: 12, pointOutlineColor: '#ffffff', pointOutlineWidth: 3 } }),
      new TerraDrawLineStringMode({ styles: { lineStringColor: '#2f6fd6', lineStringWidth: 5 } }),
      new TerraDrawPolygonMode({ styles: { fillColor: '#2e9d4f', fillOpacity: 0.25, outlineColor: '#2e9d4f', outlineWidth: 3 } }),
      new TerraDrawSelectMode({
        flags: { point: { feature: { draggable: true } }, linestring: { feature }, polygon: { feature } },
        // Delete goes through the slice (the sketch's own undo), not terra-draw's store.
        keyEvents: { deselect: 'Escape', delete: null, rotate: null, scale: null },
        styles: { selectedPointColor: '#ffd400', selectedPointWidth: 14 },
      }),
    ],
  });
  // Drawn features keep their kind's colour in every mode.
  draw.start();
  for (const mode of ['point', 'linestring', 'polygon'] as const) {
    const styles = mode === 'point'
      ? { pointColor: colourOf, pointWidth: 12, pointOutlineColor: '#ffffff', pointOutlineWidth: 3 }
      : mode === 'linestring' ? { lineStringColor: colourOf, lineStringWidth: 5 } : { fillColor: colourOf, fillOpacity: 0.25, outlineColor: colourOf, outlineWidth: 3 };
    draw.setModeStyles(mode, styles as never);
  }

  /** Ids this binding drew from the Y.Doc or handed to it; only these are ever removed here. */
  const known = new Set<string>();
  let syncing = false;

  function sync(features: readonly SketchFeature[]) {
    syncing = true;
    try {
      const want = new Map(features.map((f) => [f.id, f]));
      const gone = [...known].filter((id) => !want.has(id) && draw.hasFeature(id));
      if (gone.length) draw.removeFeatures(gone);
      for (const id of [...known]) if (!want.has(id)) known.delete(id);
      const add: GeoJSONStoreFeatures[] = [];
      for (const f of features) {
        const have = draw.hasFeature(f.id) ? draw.getSnapshotFeature(f.id) : undefined;
        if (!have) add.push(toDraw(f));
        else {
          if (!sameGeometry(have.geometry, f.geometry)) draw.updateFeatureGeometry(f.id, f.geometry);
          if (have.properties.kind !== f.properties.kind) draw.updateFeatureProperties(f.id, { kind: f.properties.kind });
        }
        known.add(f.id);
      }
      if (add.length) {
        const checks = draw.addFeatures(add);
        for (const c of checks) if (!c.valid) console.warn('sketch feature not drawn', c.id, c.reason);
      }
    } finally {
      syncing = false;
    }
  }

  const geometryOf = (id: string) => draw.getSnapshotFeature(id)?.geometry as SketchGeometry | undefined;

  draw.on('finish', (rawId, ctx) => {
    if (syncing) return;
    const id = String(rawId);
    const s = store.getState();
    const geometry = geometryOf(id);
    if (!geometry) return;
    if (ctx.action === 'draw') {
      known.add(id);
      const w = s.drawSketch(id, geometry);
      if (!w || !w.ok) sync(store.getState().sketch.features); // refused: take it off again
    } else {
      s.moveSketch(id, geometry);
      sync(store.getState().sketch.features); // a refused move is drawn back
    }
  });
  draw.on('select', (id) => store.getState().selectSketch(String(id)));
  draw.on('deselect', () => store.getState().selectSketch(null));

  let last: AppState['sketch'] | null = null;
  function render(s: AppState) {
    const k = s.sketch;
    if (last && last.features === k.features && last.tool === k.tool && last.selectedId === k.selectedId) return;
    const toolChanged = !last || last.tool !== k.tool;
    const featuresChanged = !last || last.features !== k.features;
    last = k;
    if (toolChanged && draw.getMode() !== MODE[k.tool]) draw.setMode(MODE[k.tool]);
    if (featuresChanged) sync(k.features);
    // A selection made in the panel (or undone away) shows on the map too.
    if (k.tool === 'select' && k.selectedId && draw.hasFeature(k.selectedId)) {
      const snap = draw.getSnapshotFeature(k.selectedId);
      if (snap && !snap.properties.selected) draw.selectFeature(k.selectedId);
    }
  }
  render(store.getState());
  const unsubscribe = store.subscribe(render);
  return () => {
    unsubscribe();
    draw.stop();
  };
}
