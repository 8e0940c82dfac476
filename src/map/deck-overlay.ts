/**
 * The interleaved deck.gl overlay, with one deck view for the map's life. Without it the overlay hands deck a
 * new MapView on every MapLibre 'styledata' (each setLayoutProperty, setData, layer removal) and every
 * setProps; deck's own draw has set the view it holds to nearZMultiplier 0.2, so the new default one never
 * equals it: deck flags 'views changed' and asks MapLibre for one more full frame after the frame that already
 * drew the change (issue 12: 12-25 ms of main-thread work a frame on the demo city, more on the 1M one).
 */
import { MapView } from '@deck.gl/core';
import { MapLibreOverlay } from '@deck.gl/maplibre';

/** The id the overlay gives MapLibre's camera view (@deck.gl/maplibre's MAPLIBRE_VIEW_ID). */
export const MAPLIBRE_VIEW_ID = 'maplibre';

export function createDeckOverlay(): MapLibreOverlay {
  // The near plane deck's interleaved draw sets on its view anyway, so the view never changes after a draw.
  const views = [new MapView({ id: MAPLIBRE_VIEW_ID, nearZMultiplier: 0.2 })];
  // MapLibreOverlayProps fixes deck's views type to null; the overlay does take views and keeps a 'maplibre' one.
  return new MapLibreOverlay({ interleaved: true, layers: [], views: views as unknown as null });
}
