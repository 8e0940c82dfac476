/**
 * Names of the input layers in an export, for the app's data export and `npm run export` alike:
 * input_streets, input_homes, input_crossings, input_facilities[_category], input_units_{level}; the app's
 * other roles (population, candidates, other) as input_{role}. Repeats are numbered (_2, _3…).
 */
import { isUnitLevel } from '../model';

/** A category or name as a plain name part: letters, digits and `_` only. */
const plain = (s: string): string => s.normalize('NFKC').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[_-]+|_+$/g, '').slice(0, 80).replace(/-/g, '_') || 'unnamed';

export function inputLayerNames(layers: readonly { readonly role: string; readonly category?: string }[]): string[] {
  const used = new Set<string>();
  return layers.map(({ role, category }) => {
    const base = role === 'facilities' ? `input_facilities${category ? `_${plain(category)}` : ''}`
      : isUnitLevel(role) ? `input_units_${role}` : `input_${role}`;
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    return name;
  });
}
