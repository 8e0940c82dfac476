/**
 * The page's own text (panel, buttons) in Noto Sans + Noto Sans SC from the same bundled woff2 files the
 * map labels use, so Chinese UI text renders on machines without CJK fonts and nothing is fetched remotely.
 * The browser downloads a subset only when a character in its unicode-range appears.
 */
import type { FontFile } from '../map/basemap/style';

export function installPageFonts(fontFiles: readonly FontFile[], base: string): void {
  const rules = fontFiles.map((f) => {
    const family = f.file.includes('noto-sans-sc') ? 'Noto Sans SC' : 'Noto Sans';
    const url = new URL(f.file, base).href;
    return `@font-face{font-family:'${family}';font-style:normal;font-weight:400 700;font-display:swap;src:url(${JSON.stringify(url)}) format('woff2');unicode-range:${f.range.join(',')};}`;
  });
  const style = document.createElement('style');
  style.dataset.fonts = 'cfc';
  style.textContent = rules.join('\n');
  document.head.append(style);
}

/**
 * Loads, at idle time, the font subsets that the given text needs (the other language's UI strings), so
 * the first language switch neither waits for them nor lays the page out twice when they arrive
 * (font-display: swap). Measured as part of the first switch to Chinese in `npm run bench -- main-thread`.
 */
export function warmFonts(text: string): void {
  const chars = [...new Set(text)].join('');
  const load = () => {
    for (const family of ['Noto Sans SC', 'Noto Sans']) void document.fonts.load(`400 14px '${family}'`, chars).catch(() => undefined);
  };
  if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 5000 });
  else setTimeout(load, 1000);
}

/** Every string of a translation tree, joined: the characters a language's UI can show. */
export function allStrings(tree: unknown): string {
  if (typeof tree === 'string') return tree;
  if (tree && typeof tree === 'object') return Object.values(tree).map(allStrings).join('');
  return '';
}
