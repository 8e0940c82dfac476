/**
 * Reopening the last session at start. The session record and its layer records become one project file
 * (a Blob assembled from the stored parts, no giant string) opened through the same path as a file the
 * user opens (`openProject`: the io worker, migrations, validation, personal fields withheld). A record
 * that is damaged, of a newer format, or that the project reader refuses is set aside (never deleted)
 * and the caller starts the demo; the user gets one translated message saying so.
 */
import { EMPTY_HISTORY } from '../history';
import type { AppStore } from '../store';
import type { LayerData, View } from '../types';
import { AUTOSAVE_SUBJECT, readLayerRecord, readSessionRecord, type LayerRecord, type RecordCheck, type SessionRecord } from './record';
import { ASIDE_PREFIX, CURRENT_KEY, type AutosaveStorage } from './storage';

/** Records set aside that are kept; older ones go (their layer records with them, at the next write). */
export const ASIDE_KEEP = 3;

export type RestoreOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'restored'; readonly seeds: readonly { data: LayerData; role: string; key: string }[] }
  | { readonly kind: 'failed'; readonly code: 'too-new' | 'damaged'; readonly detail: string; readonly demoLoaded: boolean };

export interface RestoreOptions {
  /** Loads the demo city (needed first when the session used demo layers). */
  readonly loadDemo?: () => Promise<unknown>;
  /** A view that wins over the saved one (the URL's). */
  readonly view?: View | null;
  readonly now?: () => number;
}

type Doc = { layers?: unknown };
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The project file for a session record: its document text with each inline layer's features spliced in. */
export function projectBlob(rec: SessionRecord, layers: readonly LayerRecord[]): RecordCheck<{ blob: Blob; usesDemo: boolean }> {
  let doc: Doc;
  try {
    doc = JSON.parse(rec.doc) as Doc;
  } catch (e) {
    return { ok: false, code: 'damaged', detail: `the document is not JSON (${String((e as Error)?.message ?? e).slice(0, 120)})` };
  }
  if (!isRecord(doc) || !Array.isArray(doc.layers)) return { ok: false, code: 'damaged', detail: 'the document has no layers' };
  const docLayers = doc.layers.filter(isRecord);
  const marker = (i: number) => `@@cfc-autosave-${rec.savedAt}-${Math.random().toString(36).slice(2)}-${i}@@`;
  const markers: string[] = [];
  for (const [i, ref] of rec.layers.entries()) {
    const l = docLayers.find((x) => x['id'] === ref.id);
    const source = l?.['source'];
    if (!l || !isRecord(source) || source['kind'] !== 'inline') return { ok: false, code: 'damaged', detail: `layer ${ref.id} is not in the document` };
    markers.push(marker(i));
    l['source'] = { kind: 'inline', data: markers[i] };
  }
  const missing = docLayers.find((l) => isRecord(l['source']) && l['source']['kind'] === 'inline' && !markers.includes(l['source']['data'] as string));
  if (missing) return { ok: false, code: 'damaged', detail: `the data of layer ${String(missing['id'])} is missing` };
  const text = JSON.stringify(doc);
  const parts: BlobPart[] = [];
  let at = 0;
  for (const [i, m] of markers.entries()) {
    const q = `"${m}"`;
    const k = text.indexOf(q, at);
    parts.push(text.slice(at, k), layers[i]!.data);
    at = k + q.length;
  }
  parts.push(text.slice(at));
  const usesDemo = docLayers.some((l) => isRecord(l['source']) && l['source']['kind'] === 'demo');
  return { ok: true, value: { blob: new Blob(parts, { type: 'application/json' }), usesDemo } };
}

/** Moves the current record aside (kept for inspection or a later app version), keeping the newest few. */
export async function setAside(storage: AutosaveStorage, raw: unknown, now: number): Promise<void> {
  const keys = (await storage.keys()).filter((k) => k.startsWith(ASIDE_PREFIX)).sort();
  const key = `${ASIDE_PREFIX}${new Date(now).toISOString()}`;
  const old = [...keys, key].slice(0, Math.max(0, keys.length + 1 - ASIDE_KEEP));
  await storage.write([[key, raw]], [CURRENT_KEY, ...old]);
}

export async function restoreAutosave(store: AppStore, storage: AutosaveStorage, opts: RestoreOptions = {}): Promise<RestoreOutcome> {
  const now = opts.now ?? Date.now;
  let demoLoaded = false;
  let raw: unknown;
  try {
    raw = await storage.get(CURRENT_KEY);
  } catch (e) {
    return fail('damaged', `the record cannot be read (${String((e as Error)?.message ?? e)})`, false);
  }
  if (raw === undefined) return { kind: 'none' };

  async function fail(code: 'too-new' | 'damaged', detail: string, aside = true): Promise<RestoreOutcome> {
    if (aside) await setAside(storage, raw, now()).catch(() => undefined);
    store.getState().reportError(AUTOSAVE_SUBJECT, { code: `autosave.${code}`, params: { detail } });
    return { kind: 'failed', code, detail, demoLoaded };
  }

  const rec = readSessionRecord(raw);
  if (!rec.ok) return fail(rec.code, rec.detail);
  const layers: LayerRecord[] = [];
  for (const ref of rec.value.layers) {
    const l = readLayerRecord(await storage.get(ref.key).catch(() => undefined), ref);
    if (!l.ok) return fail(l.code, l.detail);
    layers.push(l.value);
  }
  const built = projectBlob(rec.value, layers);
  if (!built.ok) return fail(built.code, built.detail);
  if (built.value.usesDemo && opts.loadDemo) {
    await opts.loadDemo();
    demoLoaded = true;
  }

  const before = store.getState().errors.length;
  const opened = await store.getState().openProject({ fileName: AUTOSAVE_SUBJECT, blob: built.value.blob });
  if (!opened) {
    // One message about the autosave instead of the project reader's, with its reason as the detail.
    const own = store.getState().errors.slice(before).filter((e) => e.subject === AUTOSAVE_SUBJECT);
    for (const e of own) store.getState().dismissError(e.id);
    const first = own[0]?.error;
    const detail = String(first?.params?.['detail'] ?? first?.code ?? 'not opened');
    return fail(first?.code === 'project.too-new' ? 'too-new' : 'damaged', detail);
  }

  // The reopened session starts its own undo history; "unsaved" is what it was when the tab closed.
  const s = store.getState();
  store.setState({ history: EMPTY_HISTORY, savedDoc: rec.value.unsaved ? null : s.doc });
  const inline = s.doc.layers.filter((l) => l.source.kind === 'inline');
  const seeds = rec.value.layers.flatMap((ref, i) => {
    const l = inline[i];
    const data = l && s.layerData[l.id];
    return data ? [{ data, role: l.role, key: ref.key }] : [];
  });
  const view = opts.view ?? rec.value.view;
  if (view) s.requestView(view);
  s.setOpenPanel(rec.value.openPanel);
  return { kind: 'restored', seeds };
}
