/**
 * The font files the PDF embeds, as the built app serves them: Vite emits each @fontsource WOFF 1.0 file
 * (400 weight; small ones inlined as data: URLs, which the CSP's connect-src allows) as an asset and this
 * map gives its URL; the 1.5 MB all-in-one `chinese-simplified` file is left out (no face uses it). Only
 * the files a document's text needs are fetched.
 */
import type { FontFace } from './font-faces';
import type { FaceLoader } from './pdf-surface';

const urls = import.meta.glob<string>(['/node_modules/@fontsource/noto-sans/files/noto-sans-latin*-400-normal.woff', '/node_modules/@fontsource/noto-sans-sc/files/*-400-normal.woff', '!**/*chinese-simplified*'], {
  eager: true,
  query: '?url',
  import: 'default',
});

const byFile = new Map(Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));

export const fetchFace: FaceLoader = async (face: FontFace) => {
  const url = byFile.get(face.file);
  if (!url) throw new Error(`export.font-missing: ${face.file}`);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`export.font-missing: ${face.file} (${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
};
