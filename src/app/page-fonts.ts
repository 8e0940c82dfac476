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
