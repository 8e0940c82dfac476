/**
 * A layer's features as JSON text in a Blob, built in slices with a yield between them, so writing a
 * large layer never holds the main thread for long. The browser stores Blobs in IndexedDB off the main
 * thread, and a restored project is assembled from them without one giant string.
 */
import type { FeatureCollection } from 'geojson';

export type YieldFn = () => Promise<void>;

export const yieldToMain: YieldFn = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Folds text into the Blob every ~1 MB, so the parts list stays short. */
const FOLD_CHARS = 1 << 20;

export async function featuresBlob(fc: FeatureCollection, pause: YieldFn = yieldToMain, sliceMs = 8, now: () => number = () => performance.now()): Promise<Blob> {
  const { features, ...rest } = fc;
  // Everything but the features, with `features` last: the text ends in `[]}`.
  const head = JSON.stringify({ ...rest, features: [] });
  let blob = new Blob([head.slice(0, -2)]);
  let pending: string[] = [];
  let chars = 0;
  let start = now();
  for (let i = 0; i < features.length; i++) {
    const text = (i ? ',' : '') + JSON.stringify(features[i]);
    pending.push(text);
    chars += text.length;
    if (chars > FOLD_CHARS) {
      blob = new Blob([blob, ...pending]);
      pending = [];
      chars = 0;
    }
    if ((i & 127) === 127 && now() - start > sliceMs) {
      await pause();
      start = now();
    }
  }
  return new Blob([blob, ...pending, ']}'], { type: 'application/json' });
}
