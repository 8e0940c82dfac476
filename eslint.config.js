// Lint = the architecture's invariants as import rules (ARCHITECTURE.md), plus file size.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const UI_LIBS = ['react', 'react-dom', 'react-dom/*', 'react-i18next', 'zustand', 'zustand/*', 'maplibre-gl', 'maplibre-gl/*', '@deck.gl/*', 'terra-draw', 'terra-draw-*', 'jspdf'];
const NODE_ONLY = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads'];
// A folder above the importing file, with or without a path after it: `../state` (its index) is as much an
// import as `../state/x`. Only imports that climb (`../`) count, so a sibling file `./export` is not the folder.
const folders = (...names) => [{ regex: `^(\\.\\./)+(src/)?(${names.join('|')})(/|$)` }];
const APP_FOLDERS_NAMES = ['app', 'state', 'map', 'ui', 'i18n', 'sketch', 'export', 'commands', 'cli', 'workers'];

/**
 * The pure folders (src/core, src/protocol) may import nothing above them. The same folder names exist inside
 * src/core (src/core/sketch, src/core/export beside src/sketch, src/export), so an app folder is one reached by
 * climbing exactly to src/: that is as many `../` as the importing file is deep below src/. One block per depth.
 */
function pureImportRules(root, message, names) {
  return [1, 2, 3, 4].map((depth) => ({
    files: [`${root}/${'*/'.repeat(depth - 1)}*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: UI_LIBS, message: `${root} stays UI-free: it runs in workers and in Node.` },
        { group: NODE_ONLY, message: `${root} runs in browsers too: no Node APIs (put file access in src/cli).` },
        { group: ['comlink'], message: 'Transport belongs to workers/ and src/app, not to the core.' },
        { regex: `^(\\.\\./){${depth}}(${names.join('|')})(/|$)`, message },
        // Climbing past src/ (to the repository's own folders) is above the core too.
        { regex: `^(\\.\\./){${depth + 1},}`, message },
      ] }],
    },
  }));
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'bench-out/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Attribute text is never rendered as HTML.' }],
    },
  },
  {
    // The analysis core is pure: no DOM, no Node APIs, nothing above it (the import rules per depth below).
    files: ['src/core/**/*.ts', 'src/protocol/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location', 'postMessage', 'self'],
    },
  },
  ...pureImportRules('src/core', 'src/core depends on nothing above it.', [...APP_FOLDERS_NAMES, 'protocol']),
  ...pureImportRules('src/protocol', 'src/protocol depends on nothing above it.', APP_FOLDERS_NAMES),
  {
    // Workers are thin entry points: core + protocol + comlink only.
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: UI_LIBS, message: 'Workers run no UI.' },
        ...folders('app', 'state', 'map', 'ui', 'i18n').map((p) => ({ ...p, message: 'Workers import only src/core and src/protocol.' })),
      ] }],
    },
  },
  {
    // The UI renders state; it never talks to workers directly.
    files: ['src/ui/**/*.{ts,tsx}', 'src/map/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['comlink'], message: 'The UI reaches workers only through the store (src/state) and src/app.' },
        ...folders('workers').map((p) => ({ ...p, message: 'The UI reaches workers only through the store (src/state) and src/app.' })),
      ] }],
    },
  },
);
