import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basemapOrigins, collabOrigins, contentSecurityPolicy } from './csp.config';

/**
 * Offline map labels: MapLibre's `font-faces` needs woff2 files at a URL. They come from @fontsource
 * (Noto Sans for Latin, Noto Sans SC for Chinese, ~100 small subsets that MapLibre fetches only when a
 * codepoint in their unicode-range is drawn). Served in dev, emitted under fonts/ in the build, and
 * described to the app by the virtual module `virtual:font-faces` — no copies committed to the repo.
 */
function fontFaces(): Plugin {
  const VIRTUAL = 'virtual:font-faces';
  const pkgs = [
    { pkg: 'noto-sans', subsets: ['latin', 'latin-ext'] },
    { pkg: 'noto-sans-sc', subsets: null as string[] | null }, // every subset: CJK is split by frequency
  ];
  const dir = (pkg: string) => fileURLToPath(new URL(`./node_modules/@fontsource/${pkg}/`, import.meta.url));
  const faces: { file: string; path: string; range: string[] }[] = [];
  for (const { pkg, subsets } of pkgs) {
    const ranges = JSON.parse(readFileSync(dir(pkg) + 'unicode.json', 'utf8')) as Record<string, string>;
    for (const [subset, range] of Object.entries(ranges)) {
      if (subsets && !subsets.includes(subset)) continue;
      const file = `${pkg}-${subset.replace(/[[\]]/g, '')}-400-normal.woff2`;
      faces.push({ file, path: dir(pkg) + 'files/' + file, range: range.split(',').map((r) => r.trim()) });
    }
  }
  const byFile = new Map(faces.map((f) => [f.file, f.path]));
  return {
    name: 'cfc-font-faces',
    resolveId: (id) => (id === VIRTUAL ? '\0' + VIRTUAL : undefined),
    load(id) {
      if (id !== '\0' + VIRTUAL) return undefined;
      return `export default ${JSON.stringify(faces.map(({ file, range }) => ({ file: `fonts/${file}`, range })))};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /\/fonts\/([\w.-]+\.woff2)$/.exec(req.url?.split('?')[0] ?? '');
        const path = m && byFile.get(m[1]);
        if (!path) return next();
        res.setHeader('Content-Type', 'font/woff2');
        res.end(readFileSync(path));
      });
    },
    generateBundle() {
      for (const f of faces) this.emitFile({ type: 'asset', fileName: `fonts/${f.file}`, source: readFileSync(f.path) });
    },
  };
}

/** The built index.html carries the CSP (csp.config.ts); dev keeps Vite's inline HMR preamble working. */
function csp(policy: string): Plugin {
  return {
    name: 'cfc-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

const origins = basemapOrigins(process.env.CFC_BASEMAP_ORIGINS);
const collab = collabOrigins(process.env.CFC_COLLAB_ORIGINS);

// The app is served from any path (file://-like previews, sub-folders), so assets resolve relative to it.
export default defineConfig({
  base: './',
  plugins: [react(), fontFaces(), csp(contentSecurityPolicy(origins, { collabOrigins: collab }))],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, headers: { 'Content-Security-Policy': contentSecurityPolicy(origins, { header: true, collabOrigins: collab }) } },
});
