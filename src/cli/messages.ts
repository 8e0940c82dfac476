/**
 * The app's English messages for the command line: every src/i18n/locales/en/*.json merged as the app's
 * i18n setup does (alphabetical, later files win, dotted keys = nested keys), with {{param}} interpolation.
 * The core emits codes; this turns them into the same sentences the app shows. No raw keys reach the user:
 * an unknown code is shown with its parameters after a plain "(code …)" so it can still be reported.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCALE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../i18n/locales/en');

type Tree = { [key: string]: string | Tree };
type Params = Readonly<Record<string, string | number>>;

function flatten(tree: Tree, prefix: string, out: Map<string, string>): void {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
}

let cache: Map<string, string> | undefined;

/** Every English message by its flat key. */
export function englishMessages(dir: string = LOCALE_DIR): Map<string, string> {
  if (dir === LOCALE_DIR && cache) return cache;
  const out = new Map<string, string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    flatten(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Tree, '', out);
  }
  if (dir === LOCALE_DIR) cache = out;
  return out;
}

/** The English sentence of `key` with its {{params}} filled in (i18next's `{{name, format}}` too). */
export function translate(key: string, params: Params = {}): string {
  const text = englishMessages().get(key);
  if (text === undefined) {
    const p = Object.entries(params).map(([k, v]) => `${k}=${v}`).join(', ');
    return `(code ${key}${p ? `: ${p}` : ''})`;
  }
  return text.replace(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g, (_, name: string) => (name in params ? String(params[name]) : `{{${name}}}`));
}

/**
 * An error or warning code as the app words it (src/ui/format-error.ts): codes are bare ('no-layers') or
 * full keys ('error.io.empty'); without a text of its own, the generic line that names the code.
 */
export function formatCode(prefix: 'error' | 'warning', code: string, params: Params = {}): string {
  const key = code.startsWith(`${prefix}.`) ? code : `${prefix}.${code}`;
  const all = { code, ...params };
  if (englishMessages().has(key)) return translate(key, all);
  return englishMessages().has(`${prefix}.generic`) ? translate(`${prefix}.generic`, all) : translate(key, all);
}
