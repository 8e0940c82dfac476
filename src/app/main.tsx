/**
 * Composition root: workers → store → i18n → React, then the demo city. Nothing else wires services.
 */
import '../protocol/csp-safe';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import fontFiles from 'virtual:font-faces';
import { createI18n, resources } from '../i18n';
import type { MapHandle } from '../map/map-controller';
import { createAppStore } from '../state';
import { warmNumberFormats } from '../ui/format-number';
import { App } from './App';
import { startWithAutosave } from './autosave-start';
import { parseWorkshopLink } from '../sketch/workshop-link';
import { startSketch } from './sketch-start';
import { createWorkers } from './create-workers';
import { demoManifest, loadDemo } from './demo';
import { bindLanguage, initialLanguage } from './language-sync';
import { allStrings, installPageFonts, warmFonts } from './page-fonts';
import { installTestHook } from './test-hook';
import { bindUrlHash, parseHash } from './url-hash';

installPageFonts(fontFiles, document.baseURI);
const hashView = parseHash(location.hash);
const startHash = location.hash;
const language = initialLanguage();
const workers = createWorkers();
const store = createAppStore(workers, { session: { language, view: hashView } });
const i18n = createI18n(language);
bindLanguage(store, i18n);
// Layers that leave the project are dropped in both workers (undo hands them back from layerData).
store.subscribe((s, prev) => {
  if (s.doc.layers === prev.doc.layers && s.layerData === prev.layerData) return;
  workers.layers.retain(new Set(s.doc.layers.flatMap((l) => (s.layerData[l.id] ? [s.layerData[l.id]!.data] : []))));
});
bindUrlHash(store);

// StrictMode mounts the map twice in development; always talk to the latest one.
let current: MapHandle | null = null;
let resolveMap: () => void;
const mapReady = new Promise<void>((r) => (resolveMap = r));
const getMap = () => current!;
const e2e = new URLSearchParams(location.search).has('e2e');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} i18n={i18n} mapOptions={{ baseUrl: document.baseURI, fontFiles, fadeDuration: e2e ? 0 : 300 }}
      onMap={(h) => {
        current = h;
        if (h) resolveMap();
      }} />
  </StrictMode>,
);

// Locale data for numbers loads on first use; load it before a result table needs it.
if ('requestIdleCallback' in window) requestIdleCallback(warmNumberFormats);
else setTimeout(warmNumberFormats, 1000);

async function start() {
  const manifest = demoManifest();
  if (manifest && !hashView) store.getState().requestBounds(manifest.bbox);
  await mapReady;
  const hook = installTestHook(store, getMap, e2e ? workers.faults : undefined);
  // The last session comes back when there is one; otherwise the demo city.
  // The sketch comes back beside the project (its own records), and joins the linked workshop.
  const sketch = startSketch(store, startHash, location.hostname || '127.0.0.1').catch((e: unknown) => console.warn('sketch start failed', e));
  const wall = parseWorkshopLink(startHash, location.hostname || '127.0.0.1')?.wall === true;
  await startWithAutosave(store, { loadDemo: manifest ? () => loadDemo(store, manifest) : null, view: hashView, readOnly: wall });
  await sketch;
  await getMap().whenDrawn();
  hook.ready = true;
  warmFonts(allStrings(resources()));
}
void start();
