/**
 * The built page's Content-Security-Policy (vite.config.ts puts it in a <meta http-equiv> of index.html,
 * and in the preview server's header). What each source is for:
 * - script-src 'self' 'wasm-unsafe-eval': our bundles only, no inline script; sql.js (GeoPackage)
 *   compiles its WebAssembly.
 * - worker-src 'self' blob:: the io and analysis workers and MapLibre's worker are our own files; blob:
 *   for libraries that start workers from generated code.
 * - connect-src 'self' data: blob:: the demo city, fonts, the style's own data; and the workshop server
 *   (`npm run collab`, docs/co-sketch.md) on this machine: ws://127.0.0.1:* ws://localhost:*. A workshop
 *   server elsewhere is added at build time: `CFC_COLLAB_ORIGINS="wss://workshop.example.org"`.
 * - img-src / font-src 'self' data: blob:: MapLibre's sprites and label fonts (bundled).
 * - style-src 'self' 'unsafe-inline': MapLibre and React set element styles; our CSS is a file.
 * - object-src 'none', base-uri 'self', form-action 'self'.
 *
 * Remote basemaps: a meta CSP cannot change at run time, so the servers a deployment allows are listed
 * when it is built: `CFC_BASEMAP_ORIGINS="https://tiles.example.org https://fonts.example.org" npm run
 * build` adds them to connect-src and img-src. The user must still say Load in the session before the
 * app requests anything from them (src/state/basemap-consent-slice.ts); an origin not listed is refused
 * by the browser, and the app says so and keeps the offline basemap.
 */
/** The workshop server on this machine (`npm run collab` listens on 127.0.0.1). */
export const LOCAL_COLLAB_ORIGINS = ['ws://127.0.0.1:*', 'ws://localhost:*'] as const;

export function contentSecurityPolicy(remoteOrigins: readonly string[] = [], opts: { header?: boolean; collabOrigins?: readonly string[] } = {}): string {
  const remote = remoteOrigins.length ? ` ${remoteOrigins.join(' ')}` : '';
  const collab = ` ${[...LOCAL_COLLAB_ORIGINS, ...(opts.collabOrigins ?? [])].join(' ')}`;
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    `connect-src 'self' data: blob:${remote}${collab}`,
    `img-src 'self' data: blob:${remote}`,
    "font-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // Only a header can forbid framing (a meta element would be ignored with a console error).
    ...(opts.header ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}

/** Origins from CFC_BASEMAP_ORIGINS (space separated), each checked to be a plain https origin. */
export function basemapOrigins(env: string | undefined): string[] {
  const list = (env ?? '').split(/\s+/).filter(Boolean);
  for (const o of list) {
    if (!/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o)) throw new Error(`CFC_BASEMAP_ORIGINS: "${o}" is not an https origin (https://host[:port])`);
  }
  return list;
}

/** Origins from CFC_COLLAB_ORIGINS (space separated), each a plain ws:// or wss:// origin. */
export function collabOrigins(env: string | undefined): string[] {
  const list = (env ?? '').split(/\s+/).filter(Boolean);
  for (const o of list) {
    if (!/^wss?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o)) throw new Error(`CFC_COLLAB_ORIGINS: "${o}" is not a ws:// or wss:// origin`);
  }
  return list;
}
