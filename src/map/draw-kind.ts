/** Which renderer draws a layer: vector styling in MapLibre for the basemap, deck.gl for large overlays. */
import { isUnitLevel, type LayerRole } from '../core/model';

export type DrawKind = 'units' | 'streets' | 'homes' | 'facilities' | 'crossings' | 'generic';

export function drawKind(role: LayerRole): DrawKind {
  if (isUnitLevel(role)) return 'units';
  if (role === 'streets') return 'streets';
  if (role === 'homes' || role === 'population') return 'homes';
  if (role === 'facilities' || role === 'candidates') return 'facilities';
  if (role === 'crossings') return 'crossings';
  return 'generic';
}

export const engineOf = (kind: DrawKind): 'maplibre' | 'deck' => (kind === 'units' || kind === 'streets' ? 'maplibre' : 'deck');
