/**
 * Layer edits. `doc.layers` is in draw order: index 0 is drawn first (bottom), the last on top.
 * Every function returns the same document when nothing changes, so no-op commits stay cheap.
 */
import type { LayerRole, Project, ProjectLayer } from '../../core/model';
import { defineAction } from './define';

type Rgb = [number, number, number];

function updateLayer(doc: Project, id: string, patch: (l: ProjectLayer) => ProjectLayer): Project {
  const i = doc.layers.findIndex((l) => l.id === id);
  if (i < 0) return doc;
  const next = patch(doc.layers[i]);
  if (next === doc.layers[i]) return doc;
  const layers = doc.layers.slice();
  layers[i] = next;
  return { ...doc, layers };
}

export const addLayers = defineAction('layer.add', (doc, { layers }: { layers: readonly ProjectLayer[] }) => {
  const fresh = layers.filter((l) => !doc.layers.some((d) => d.id === l.id));
  return fresh.length ? { ...doc, layers: [...doc.layers, ...fresh] } : doc;
});

export const removeLayer = defineAction('layer.remove', (doc, { id }: { id: string }) =>
  doc.layers.some((l) => l.id === id) ? { ...doc, layers: doc.layers.filter((l) => l.id !== id) } : doc,
);

export const setLayerVisible = defineAction('layer.visible', (doc, { id, visible }: { id: string; visible: boolean }) =>
  updateLayer(doc, id, (l) => (l.visible === visible ? l : { ...l, visible })),
);

export const setLayerOpacity = defineAction('layer.opacity', (doc, { id, opacity }: { id: string; opacity: number }) => {
  const o = Math.min(1, Math.max(0, opacity));
  return updateLayer(doc, id, (l) => (l.opacity === o ? l : { ...l, opacity: o }));
});

export const setLayerColor = defineAction('layer.color', (doc, { id, color }: { id: string; color: Rgb }) =>
  updateLayer(doc, id, (l) => (l.color && l.color.every((c, i) => c === color[i]) ? l : { ...l, color: [...color] as Rgb })),
);

export const setLayerRole = defineAction('layer.role', (doc, { id, role }: { id: string; role: LayerRole }) =>
  updateLayer(doc, id, (l) => (l.role === role ? l : { ...l, role })),
);

export const setLayerCategory = defineAction('layer.category', (doc, { id, category }: { id: string; category: string | undefined }) =>
  updateLayer(doc, id, (l) => {
    if (l.category === category) return l;
    const { category: _old, ...rest } = l;
    return category === undefined ? rest : { ...rest, category };
  }),
);

export const renameLayer = defineAction('layer.rename', (doc, { id, name }: { id: string; name: string }) =>
  updateLayer(doc, id, (l) => (l.name === name ? l : { ...l, name })),
);

/** `delta` +1 moves the layer one step up (drawn later, above), −1 one step down. */
export const moveLayer = defineAction('layer.move', (doc, { id, delta }: { id: string; delta: 1 | -1 }) => {
  const i = doc.layers.findIndex((l) => l.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= doc.layers.length) return doc;
  const layers = doc.layers.slice();
  [layers[i], layers[j]] = [layers[j], layers[i]];
  return { ...doc, layers };
});
