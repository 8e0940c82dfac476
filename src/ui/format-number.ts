/**
 * Numbers as text for the UI. Number#toLocaleString builds a new Intl.NumberFormat on every call, which
 * made rendering a results table a long task; these formatters are built once per locale and precision.
 */
const cache = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, lang: string = 'en', maximumFractionDigits = 0): string {
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const key = `${locale}|${maximumFractionDigits}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, { maximumFractionDigits })));
  return f.format(value);
}

/** Builds the formatters while the page is idle: the first Intl.NumberFormat loads locale data (~30 ms here). */
export function warmNumberFormats(): void {
  for (const lang of ['en', 'zh']) for (const digits of [0, 1]) formatNumber(0, lang, digits);
}
