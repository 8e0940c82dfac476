/** The view in the URL as openstreetmap.org writes it: `#map=zoom/lat/lon`. */
import type { AppStore, View } from '../state';
import { linkSuffix } from '../sketch/workshop-link';

export function parseHash(hash: string): View | null {
  const m = /(?:^#|&)map=(-?[\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(hash);
  if (!m) return null;
  const [zoom, lat, lng] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (![zoom, lat, lng].every(Number.isFinite) || zoom < 0 || zoom > 24 || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { zoom, lat, lng };
}

/** Zoom to two decimals without trailing zeros; coordinates with openstreetmap.org's precision for the zoom. */
export function formatHash(v: View): string {
  const decimals = Math.max(0, Math.ceil(Math.log(Math.max(v.zoom, 1)) / Math.LN2));
  return `#map=${Math.round(v.zoom * 100) / 100}/${v.lat.toFixed(decimals)}/${v.lng.toFixed(decimals)}`;
}

/** Writes the view to the hash as the map moves, and moves the map when the user edits the hash. */
export function bindUrlHash(store: AppStore, win: Window = window): () => void {
  let written = win.location.hash;
  const unsubscribe = store.subscribe((s, prev) => {
    if (!s.view || s.view === prev.view) return;
    // A workshop link's parameters stay in the hash, so a reload rejoins the workshop.
    written = formatHash(s.view) + linkSuffix(win.location.hash);
    if (written !== win.location.hash) win.history.replaceState(win.history.state, '', written);
  });
  const onHash = () => {
    if (win.location.hash === written) return;
    const v = parseHash(win.location.hash);
    if (v) store.getState().requestView(v);
  };
  win.addEventListener('hashchange', onHash);
  return () => {
    unsubscribe();
    win.removeEventListener('hashchange', onHash);
  };
}
