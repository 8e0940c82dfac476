/**
 * A remote basemap style, fetched by us rather than by MapLibre so that a failure (network, a server
 * error, a site security policy, not a style) is known for certain and can be reported, instead of being
 * mixed with the map's other error events.
 */
import type { StyleSpecification } from 'maplibre-gl';

export async function fetchRemoteStyle(url: string): Promise<StyleSpecification> {
  const response = await fetch(url, { credentials: 'omit' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const style = (await response.json()) as Partial<StyleSpecification> | null;
  if (!style || style.version !== 8 || !Array.isArray(style.layers) || typeof style.sources !== 'object') throw new Error('not a MapLibre style');
  return style as StyleSpecification;
}
