/**
 * The sketch as the app sees it (issue 9, docs/co-sketch.md). The Y.Doc is the source of truth and lives
 * here, outside the undoable project document: `sketch.features` is its sanitised snapshot, refreshed after
 * every transaction (local, remote or restored), for the map and the panels. Sketch undo/redo are the
 * Y.UndoManager's (this person's edits only), apart from the project's history. The age band and group are
 * chosen once per session and written on each new feature; nothing names a child.
 */
import { MAX_FEATURES, sanitizeFeature, type SketchAgeBand, type SketchFeature, type SketchGeometry } from '../core/sketch';
import {
  addFeature, canRedo, canUndo, createSketchDoc, deleteFeature, destroySketchDoc, moveFeature, readFeatures, redo, undo,
  updateProperties, type SketchDoc, type SketchWrite,
} from '../sketch/sketch-doc';
import { LOCAL_ROOM, persistSketch, restoreSketch, type SketchPersistence } from '../sketch/sketch-persistence';
import { DEFAULT_STICKER, ROUTE_EMOJI, stickerById, type Sticker } from '../sketch/stickers';
import type { AutosaveStorage } from './autosave/storage';
import type { SliceCreator } from './slice';
import type { ProposalEffect } from './sketch-proposal';

export type SketchTool = 'none' | 'select' | 'point' | 'route' | 'area';
export type SketchRole = 'editor' | 'viewer';
export type WorkshopStatus = 'none' | 'connecting' | 'connected' | 'offline' | 'refused';

export interface SketchPeer {
  readonly clientId: number;
  readonly colour: string;
  readonly emoji: string;
  readonly role: SketchRole;
  readonly self: boolean;
}

export interface SketchState {
  /** LOCAL_ROOM, or the workshop's room. */
  readonly room: string;
  readonly role: SketchRole;
  readonly features: readonly SketchFeature[];
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly tool: SketchTool;
  readonly stickerId: string;
  readonly kidMode: boolean;
  /** Chosen once per session (kid mode asks first); null until chosen. */
  readonly ageBand: SketchAgeBand | null;
  readonly group: string | null;
  readonly sessionChosen: boolean;
  readonly selectedId: string | null;
  readonly workshop: { readonly status: WorkshopStatus; readonly peers: readonly SketchPeer[] };
  /** The last refusal (a code), shown until the next successful edit. */
  readonly issue: string | null;
  /** What the last wish → proposal changed (before → after). */
  readonly effect: ProposalEffect | null;
  readonly proposing: boolean;
}

export interface SketchSlice {
  readonly sketch: SketchState;
  /** The live Y.Doc wrapper (the map and the workshop connection bind to it). */
  sketchDoc(): SketchDoc;
  /** Where sketches are kept (IndexedDB in the app, memory in tests); restores the open room from it. */
  attachSketchStorage(storage: AutosaveStorage | null): Promise<void>;
  /** Switches to another sketch (a workshop room): a new Y.Doc, restored from storage first. */
  openSketchRoom(room: string, role: SketchRole): Promise<void>;
  setSketchTool(tool: SketchTool): void;
  chooseSticker(id: string): void;
  setKidMode(on: boolean): void;
  setSketchSession(ageBand: SketchAgeBand | null, group: string | null): void;
  /** A finished drawing: its kind and emoji come from the tool and sticker; refused for viewers. */
  drawSketch(id: string, geometry: SketchGeometry): SketchWrite | null;
  moveSketch(id: string, geometry: SketchGeometry): void;
  deleteSketch(id: string): void;
  setSketchStatus(id: string, status: 'open' | 'accepted' | 'declined'): void;
  undoSketch(): void;
  redoSketch(): void;
  selectSketch(id: string | null): void;
  setWorkshopStatus(status: WorkshopStatus): void;
  setSketchPeers(peers: readonly SketchPeer[]): void;
  setSketchEffect(effect: ProposalEffect | null, proposing?: boolean): void;
  /** Features from a project file: each through the sanitizer, added when its id is new; not undoable. */
  mergeSketchFeatures(list: readonly unknown[]): number;
  /**
   * New project: removes every feature of the open sketch in one of this person's edits (so the sketch's
   * undo brings them back) and forgets the selection and the last proposal's effect. Returns how many went.
   */
  clearSketch(): number;
  /** Resolves when the open sketch is in storage (tests, before a reload). */
  flushSketch(): Promise<void>;
}

/** Features merged from a project file carry this origin: not this person's edits to undo. */
const FILE_ORIGIN = { source: 'project-file' };

export const SKETCH_ERRORS = { viewer: 'sketch.viewer', noSession: 'sketch.no-session' } as const;

export const createSketchSlice = (): SliceCreator<SketchSlice> => (set, get) => {
  let sd = createSketchDoc();
  let storage: AutosaveStorage | null = null;
  let persistence: SketchPersistence | null = null;
  let detach = bind(sd);

  const patch = (p: Partial<SketchState>) => set((s) => ({ sketch: { ...s.sketch, ...p } }));

  function refresh() {
    const features = readFeatures(sd);
    const selectedId = get().sketch.selectedId;
    patch({ features, canUndo: canUndo(sd), canRedo: canRedo(sd), ...(selectedId && !features.some((f) => f.id === selectedId) ? { selectedId: null } : {}) });
  }

  function bind(doc: SketchDoc): () => void {
    const onTx = () => refresh();
    doc.ydoc.on('afterTransaction', onTx);
    const onStack = () => patch({ canUndo: canUndo(doc), canRedo: canRedo(doc) });
    doc.undoManager.on('stack-item-added', onStack);
    doc.undoManager.on('stack-item-popped', onStack);
    return () => doc.ydoc.off('afterTransaction', onTx);
  }

  async function load(room: string) {
    persistence?.stop();
    persistence = null;
    if (!storage) return;
    await restoreSketch(sd.ydoc, storage, room);
    persistence = persistSketch(sd.ydoc, storage, room, (e) => console.warn('sketch not saved', e));
    refresh();
  }

  function result(w: SketchWrite): SketchWrite {
    patch({ issue: w.ok ? null : `sketch.refused.${w.code}` });
    return w;
  }

  const editable = () => {
    if (get().sketch.role === 'viewer') {
      patch({ issue: SKETCH_ERRORS.viewer });
      return false;
    }
    return true;
  };

  const sticker = (): Sticker => stickerById(get().sketch.stickerId) ?? DEFAULT_STICKER;

  return {
    sketch: {
      room: LOCAL_ROOM,
      role: 'editor',
      features: [],
      canUndo: false,
      canRedo: false,
      tool: 'none',
      stickerId: DEFAULT_STICKER.id,
      kidMode: false,
      ageBand: null,
      group: null,
      sessionChosen: false,
      selectedId: null,
      workshop: { status: 'none', peers: [] },
      issue: null,
      effect: null,
      proposing: false,
    },
    sketchDoc: () => sd,
    async attachSketchStorage(s) {
      storage = s;
      await load(get().sketch.room);
    },
    async openSketchRoom(room, role) {
      if (room === get().sketch.room && role === get().sketch.role) return;
      persistence?.stop();
      detach();
      destroySketchDoc(sd);
      sd = createSketchDoc();
      detach = bind(sd);
      patch({ room, role, features: [], canUndo: false, canRedo: false, selectedId: null, effect: null, tool: role === 'viewer' ? 'none' : get().sketch.tool });
      await load(room);
    },
    setSketchTool: (tool) => patch({ tool: get().sketch.role === 'viewer' && tool !== 'none' && tool !== 'select' ? 'none' : tool }),
    chooseSticker: (id) => patch({ stickerId: stickerById(id)?.id ?? DEFAULT_STICKER.id, tool: 'point' }),
    setKidMode: (kidMode) => patch({ kidMode }),
    setSketchSession: (ageBand, group) => patch({ ageBand, group: group?.trim() ? group.trim().slice(0, 40) : null, sessionChosen: true }),
    drawSketch(id, geometry) {
      if (!editable()) return null;
      const s = get().sketch;
      const route = geometry.type === 'LineString';
      const st = sticker();
      const props = {
        kind: route ? 'route' : st.kind,
        emoji: route ? ROUTE_EMOJI : st.emoji,
        ...(s.ageBand ? { age_band: s.ageBand } : {}),
        ...(s.group ? { group: s.group } : {}),
      };
      return result(addFeature(sd, { id, geometry, properties: props }));
    },
    moveSketch(id, geometry) {
      if (editable()) result(moveFeature(sd, id, geometry));
    },
    deleteSketch(id) {
      if (editable() && deleteFeature(sd, id)) patch({ issue: null });
    },
    setSketchStatus(id, status) {
      if (editable()) result(updateProperties(sd, id, { status }));
    },
    undoSketch() {
      if (editable()) undo(sd);
    },
    redoSketch() {
      if (editable()) redo(sd);
    },
    selectSketch: (selectedId) => patch({ selectedId }),
    setWorkshopStatus: (status) => patch({ workshop: { ...get().sketch.workshop, status } }),
    setSketchPeers: (peers) => patch({ workshop: { ...get().sketch.workshop, peers } }),
    setSketchEffect: (effect, proposing = false) => patch({ effect, proposing }),
    mergeSketchFeatures(list) {
      let added = 0;
      sd.ydoc.transact(() => {
        for (const v of list) {
          const id = (v as { id?: unknown } | null)?.id;
          if (typeof id !== 'string' || sd.features.has(id) || sd.features.size >= MAX_FEATURES) continue;
          const clean = sanitizeFeature(id, v).feature;
          if (clean) {
            sd.features.set(id, clean);
            added++;
          }
        }
      }, FILE_ORIGIN);
      return added;
    },
    clearSketch() {
      const n = sd.features.size;
      if (n && get().sketch.role !== 'viewer') sd.ydoc.transact(() => sd.features.clear(), sd.origin);
      patch({ selectedId: null, effect: null, proposing: false, issue: null, tool: 'none' });
      return get().sketch.role === 'viewer' ? 0 : n;
    },
    flushSketch: () => persistence?.flush() ?? Promise.resolve(),
  };
};
