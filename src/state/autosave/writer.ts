/**
 * The autosave writer: subscribes to the store and, a moment after the user stops changing things, writes
 * the session. Each pass: every inline layer whose content version is not stored yet gets its own record
 * (built in slices, see layer-blob.ts); then one transaction writes the small session record and deletes
 * layer records nothing points at any more. Passes never overlap; a change during a pass queues one more.
 * While the document is the fresh one (the untouched demo, or what "New project" left) nothing is kept.
 */
import type { FeatureCollection } from 'geojson';
import { savedData } from '../personal-fields';
import { hasUnsavedWork } from '../project-slice';
import { projectJson } from '../project-io';
import type { AppStore } from '../store';
import type { AppState, LayerData } from '../types';
import { featuresBlob, yieldToMain, type YieldFn } from './layer-blob';
import { AUTOSAVE_FORMAT, AUTOSAVE_SUBJECT, type LayerRecord, type LayerRef, type SessionRecord } from './record';
import { ASIDE_PREFIX, CURRENT_KEY, LAYER_PREFIX, type AutosaveStorage } from './storage';
import { LayerVersions, sessionNonce } from './versions';

export interface AutosaveOptions {
  /** Quiet time after the last change before a write (ms). */
  readonly debounceMs?: number;
  /** Longest a change waits while changes keep coming (ms). */
  readonly maxWaitMs?: number;
  /** Layer data already stored (a restore): not written again while unchanged. */
  readonly seeds?: readonly { readonly data: LayerData; readonly role: string; readonly key: string }[];
  readonly pause?: YieldFn;
  readonly now?: () => number;
}

export interface AutosaveWriter {
  /** Writes now (skipping the wait) and resolves when everything asked so far is stored. */
  flush(): Promise<void>;
  stop(): void;
  /** Session records written, layer records written (for tests and measurements). */
  readonly stats: { sessions: number; layers: number; clears: number };
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const changed = (s: AppState, p: AppState) =>
  s.doc !== p.doc || s.layerData !== p.layerData || s.view !== p.view || s.openPanel !== p.openPanel || s.savedDoc !== p.savedDoc || s.freshDoc !== p.freshDoc;

/**
 * Layer keys the records set aside still point at: kept, so a set-aside session stays whole. Read
 * leniently (a record of a newer format was set aside because this app cannot read it all).
 */
async function asideKeys(storage: AutosaveStorage, keys: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const k of keys.filter((key) => key.startsWith(ASIDE_PREFIX))) {
    const raw = (await storage.get(k)) as { layers?: unknown } | null | undefined;
    const layers = typeof raw === 'object' && raw !== null && Array.isArray(raw.layers) ? (raw.layers as unknown[]) : [];
    for (const l of layers) {
      const key = (l as { key?: unknown } | null)?.key;
      if (typeof key === 'string') out.add(key);
    }
  }
  return out;
}

export function startAutosave(store: AppStore, storage: AutosaveStorage, opts: AutosaveOptions = {}): AutosaveWriter {
  const { debounceMs = 800, maxWaitMs = 4000, pause = yieldToMain, now = Date.now } = opts;
  const versions = new LayerVersions(sessionNonce());
  for (const s of opts.seeds ?? []) versions.seed(s.data, s.role, s.key);
  const stats = { sessions: 0, layers: 0, clears: 0 };
  // What storage holds, read once: later passes keep this in step with their own writes.
  let stored: Promise<{ keys: Set<string>; protectedKeys: Set<string> }> | null = null;
  const storedKeys = () => (stored ??= storage.keys()
    .then(async (keys) => ({ keys: new Set(keys), protectedKeys: await asideKeys(storage, keys) }))
    .catch((e: unknown) => {
      stored = null; // read again on the next pass
      throw e;
    }));
  let lastWritten = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstChange: number | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let reported = false;

  async function clear(): Promise<void> {
    const { keys, protectedKeys } = await storedKeys();
    const gone = [...keys].filter((k) => k === CURRENT_KEY || (k.startsWith(LAYER_PREFIX) && !protectedKeys.has(k)));
    lastWritten = '';
    if (!gone.length) return;
    await storage.write([], gone);
    for (const k of gone) keys.delete(k);
    stats.clears++;
  }

  async function pass(): Promise<void> {
    const s = store.getState();
    if (s.doc === s.freshDoc) return clear();
    const { keys, protectedKeys } = await storedKeys();
    const refs: LayerRef[] = [];
    const stubs: Record<string, LayerData> = { ...s.layerData };
    for (const l of s.doc.layers) {
      if (l.source.kind !== 'inline') continue;
      const d = s.layerData[l.id];
      // Mid-load (document ahead of its data): the next change brings another pass.
      if (!d) return;
      const key = versions.keyOf(l.id, d, l.role);
      if (!keys.has(key)) {
        const record: LayerRecord = { format: AUTOSAVE_FORMAT, layerId: l.id, featureCount: d.featureCount, data: await featuresBlob(savedData(l.role, d), pause) };
        await storage.write([[key, record]]);
        keys.add(key);
        stats.layers++;
      }
      refs.push({ id: l.id, key, featureCount: d.featureCount });
      stubs[l.id] = { ...d, data: EMPTY };
    }
    const body: Omit<SessionRecord, 'savedAt'> = {
      format: AUTOSAVE_FORMAT,
      doc: projectJson({ ...s, layerData: stubs }),
      layers: refs,
      view: s.view,
      openPanel: s.openPanel,
      unsaved: hasUnsavedWork(s),
    };
    const text = JSON.stringify(body);
    const referenced = new Set(refs.map((r) => r.key));
    const gone = [...keys].filter((k) => k.startsWith(LAYER_PREFIX) && !referenced.has(k) && !protectedKeys.has(k));
    if (text === lastWritten && !gone.length) return;
    await storage.write([[CURRENT_KEY, { ...body, savedAt: now() }]], gone);
    keys.add(CURRENT_KEY);
    for (const k of gone) keys.delete(k);
    lastWritten = text;
    stats.sessions++;
  }

  function run(): Promise<void> {
    timer = null;
    firstChange = null;
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((e: unknown) => {
        // Storage full or gone: say so once; later passes keep trying.
        if (!reported) store.getState().reportError(AUTOSAVE_SUBJECT, { code: 'autosave.write-failed', params: { detail: String((e as Error)?.message ?? e).slice(0, 200) } });
        reported = true;
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule(0);
        }
      });
    return running;
  }

  function schedule(delay: number) {
    const t = now();
    firstChange ??= t;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), Math.max(0, Math.min(delay, firstChange + maxWaitMs - t)));
  }

  const unsubscribe = store.subscribe((s, p) => {
    if (!changed(s, p)) return;
    // "New project" clears at once; other changes wait for a quiet moment.
    schedule(s.freshDoc !== p.freshDoc ? 0 : debounceMs);
  });

  return {
    stats,
    async flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      while (running) await running;
      await run();
    },
    stop() {
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}
