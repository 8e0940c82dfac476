/**
 * The embedded synthetic demo city: data/demo/manifest.json lists the layers in draw order with their
 * roles; the .fgb files are bundled as URLs, fetched as Blobs and parsed in the io worker like any file.
 */
import { z } from 'zod';
import { LAYER_ROLES } from '../core/model';
import type { AppStore, LoadItem } from '../state';

const names = z.object({ en: z.string(), zh: z.string() });
const manifestSchema = z.object({
  synthetic: z.boolean(),
  name: names,
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  center: z.tuple([z.number(), z.number()]).optional(),
  layers: z.array(z.object({ file: z.string(), role: z.enum(LAYER_ROLES).catch('other'), name: names, category: z.string().optional() }).passthrough()),
}).passthrough();

export type DemoManifest = z.infer<typeof manifestSchema>;

const manifests = import.meta.glob<unknown>('../../data/demo/manifest.json', { eager: true, import: 'default' });
const fileUrls = import.meta.glob<string>('../../data/demo/*.fgb', { eager: true, query: '?url', import: 'default' });

export function demoManifest(): DemoManifest | null {
  const raw = Object.values(manifests)[0];
  if (raw === undefined) return null;
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) console.warn('data/demo/manifest.json is invalid', parsed.error.issues[0]);
  return parsed.success ? parsed.data : null;
}

/** Loads every demo layer (unrecorded: the start state is not an undo step). Resolves to the new layer ids. */
export async function loadDemo(store: AppStore, manifest: DemoManifest): Promise<string[]> {
  const { setDemo, reportError, loadFiles } = store.getState();
  setDemo({ synthetic: manifest.synthetic, name: manifest.name });
  const items = await Promise.all(
    manifest.layers.map(async (l): Promise<LoadItem | null> => {
      const url = fileUrls[`../../data/demo/${l.file}`];
      try {
        if (!url) throw new Error('not bundled');
        const res = await fetch(url);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const blob = await res.blob();
        return { source: { fileName: l.file, blob }, role: l.role, category: l.category, names: l.name, demoFile: l.file };
      } catch (e) {
        reportError(l.file, { code: 'demo-missing', params: { message: e instanceof Error ? e.message : String(e) } });
        return null;
      }
    }),
  );
  return loadFiles(items.filter((i): i is LoadItem => i !== null), 'skip');
}
