import { describe, expect, it } from 'vitest';
import { emptyProject, type ProjectLayer } from '../../src/core/model';
import * as A from '../../src/state/actions/layers';

const layer = (id: string): ProjectLayer => ({ id, name: id, role: 'other', visible: true, opacity: 1, source: { kind: 'demo', file: `${id}.fgb` } });
const doc = A.addLayers.apply(emptyProject(), { layers: [layer('a'), layer('b'), layer('c')] });

describe('layer actions', () => {
  it('are pure and return the same document for no-ops', () => {
    const hidden = A.setLayerVisible.apply(doc, { id: 'b', visible: false });
    expect(hidden.layers[1].visible).toBe(false);
    expect(doc.layers[1].visible).toBe(true);
    expect(A.setLayerVisible.apply(doc, { id: 'b', visible: true })).toBe(doc);
    expect(A.removeLayer.apply(doc, { id: 'nope' })).toBe(doc);
    expect(A.addLayers.apply(doc, { layers: [layer('a')] })).toBe(doc);
  });

  it('move up and down within bounds', () => {
    expect(A.moveLayer.apply(doc, { id: 'a', delta: 1 }).layers.map((l) => l.id)).toEqual(['b', 'a', 'c']);
    expect(A.moveLayer.apply(doc, { id: 'c', delta: 1 })).toBe(doc);
    expect(A.moveLayer.apply(doc, { id: 'a', delta: -1 })).toBe(doc);
  });

  it('clamp opacity, set role, colour and category', () => {
    expect(A.setLayerOpacity.apply(doc, { id: 'a', opacity: 3 }).layers[0].opacity).toBe(1);
    expect(A.setLayerRole.apply(doc, { id: 'a', role: 'streets' }).layers[0].role).toBe('streets');
    expect(A.setLayerColor.apply(doc, { id: 'a', color: [1, 2, 3] }).layers[0].color).toEqual([1, 2, 3]);
    const withCat = A.setLayerCategory.apply(doc, { id: 'a', category: 'park' });
    expect(withCat.layers[0].category).toBe('park');
    expect('category' in A.setLayerCategory.apply(withCat, { id: 'a', category: undefined }).layers[0]).toBe(false);
  });
});
