/**
 * The offline base style: a background and the font files for labels, nothing remote. Loaded layers are
 * added on top by syncStyle. A remote style URL from the settings replaces it when the user sets one.
 */
import type { FontFacesSpecification, StyleSpecification } from 'maplibre-gl';
import { BACKGROUND, css } from '../colors';
import { LABEL_FONT } from '../layers/labels';

/** A bundled font file (the app passes the list from `virtual:font-faces`) and the codepoints it covers. */
export interface FontFile {
  readonly file: string;
  readonly range: readonly string[];
}

/** Absolute URLs: MapLibre fetches them itself, and the app may be served from a sub-path. */
export function fontFaces(files: readonly FontFile[], base: string): FontFacesSpecification {
  return { [LABEL_FONT[0]]: files.map((f) => ({ url: new URL(f.file, base).href, 'unicode-range': [...f.range] })) };
}

export function offlineStyle(files: readonly FontFile[], base: string): StyleSpecification {
  return {
    version: 8,
    name: 'cfc-offline',
    sources: {},
    'font-faces': fontFaces(files, base),
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': css(BACKGROUND) } }],
  };
}
