/**
 * Issue 12: a language switch or a layer change must not make deck.gl ask MapLibre for an extra full frame.
 * deck flags 'views changed' when the overlay hands it a view that does not equal the one it holds; the
 * overlay hands one on every MapLibre 'styledata' and setProps, and deck's interleaved draw sets the view it
 * holds to nearZMultiplier 0.2 (@deck.gl/maplibre's getMapLibreViewport).
 */
import { MapView } from '@deck.gl/core';
import { describe, expect, test } from 'vitest';
import { createDeckOverlay, MAPLIBRE_VIEW_ID } from '../../src/map/deck-overlay';

type WithViews = { _getViews(map: unknown): MapView[] };
/** What the overlay asks of the map for its default view, should it build one. */
const map = { getProjection: () => ({ type: 'mercator' }) };
/** What deck's interleaved draw does to the view it holds, before every frame. */
const drawn = (v: MapView) => {
  (v.props as { nearZMultiplier?: number }).nearZMultiplier = 0.2;
  return v;
};

describe('the deck.gl overlay keeps one view', () => {
  test('without a view of our own, the next styledata hands deck a view unequal to the drawn one (the cause)', () => {
    const held = drawn(new MapView({ id: MAPLIBRE_VIEW_ID }));
    expect(new MapView({ id: MAPLIBRE_VIEW_ID }).equals(held)).toBe(false);
  });

  test('ours: every styledata or setProps hands deck the same view, still equal after a draw', () => {
    const overlay = createDeckOverlay() as unknown as WithViews;
    const first = overlay._getViews(map);
    const second = overlay._getViews(map);
    expect(second).toBe(first);
    expect(first.map((v) => v.id)).toEqual([MAPLIBRE_VIEW_ID]);
    const before = new MapView({ ...first[0]!.props });
    expect(drawn(first[0]!).equals(before)).toBe(true);
  });
});
