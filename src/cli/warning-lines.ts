/**
 * A load warning as one line for the command line: the flag and file it came from, the app's own English
 * sentence (the same one its validation report shows), and what to do about it. The app's sentences that
 * end in a question offer a button ("Swap the axes?"); the command line has no button, so the question is
 * replaced by how to fix the file.
 */
import type { LoadWarning } from '../core/model';
import { formatCode } from './messages';

/** What to do, for warnings whose app sentence does not already say it. */
const FIXES: Readonly<Record<string, string>> = {
  'warning.io.empty-geometry-dropped': 'Give those features a geometry in the file if they should count.',
  'warning.io.invalid-coordinates': 'Check those coordinates in the file.',
  'warning.io.too-few-points': 'Check those lines and polygons in the file.',
  'warning.io.self-intersection': 'Repair them in a GIS (QGIS: Fix geometries) if coverage looks wrong.',
  'warning.io.duplicate-ids': 'Give every feature its own id: the output rows are keyed by id, so repeated ones cannot be told apart.',
  'warning.io.csv-bad-rows': 'Check those rows\' coordinate columns.',
  'warning.io.unsupported-geometry': 'Convert them to points, lines or polygons.',
  'warning.io.declared-gcj02': 'Convert it to WGS 84 first (the app\'s validation report offers the conversion); it is used as it is.',
  'warning.io.declared-bd09': 'Convert it to WGS 84 first (the app\'s validation report offers the conversion); it is used as it is.',
  'warning.io.looks-gcj02': 'Convert it to WGS 84 first (the app\'s validation report offers the conversion); it is used as it is.',
  'warning.io.looks-bd09': 'Convert it to WGS 84 first (the app\'s validation report offers the conversion); it is used as it is.',
  'warning.io.crs-assumed-wgs84': 'If it is not, declare its coordinate system or export it as WGS 84.',
};

/** Drops a closing question (a button's offer in the app): "… 700 m off WGS 84 in China. Convert it?" → "… in China." */
const withoutQuestion = (text: string): string => text.replace(/\s*[^.!?]*\?\s*$/, '');

/** Where to look: the loader keeps the first few features' positions (0-based); people count from 1. */
function where(w: LoadWarning): string {
  // One feature can hold several of the same problem (two unsafe keys): each is named once.
  const ex = [...new Set(w.examples ?? [])];
  if (ex.length === 0) return '';
  const more = w.count > (w.examples?.length ?? 0) ? ', …' : '';
  return ` At ${ex.length === 1 && !more ? 'feature' : 'features'} ${ex.map((i) => i + 1).join(', ')}${more} of the file.`;
}

/** One line: `--residences homes.geojson: 12 features without a usable geometry were left out. At features 3, 9, … of the file. Give …` */
export function warningLine(label: string, fileName: string, w: LoadWarning): string {
  const text = withoutQuestion(formatCode('warning', w.code, { file: fileName, count: w.count, ...(w.params ?? {}) }));
  const fix = FIXES[w.code];
  return `${label}: ${text}${where(w)}${fix ? ` ${fix}` : ''}`;
}

/** Report lines (`info.*`, shown in the app's report as facts, not problems) are left to the caller. */
export const isProblem = (w: LoadWarning): boolean => !w.code.startsWith('info.') && !w.code.startsWith('warning.info.');
