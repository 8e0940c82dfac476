/**
 * Personal fields (src/core/io/personal-fields.ts has the documented list) in homes and in any layer about
 * children are dropped before anything is analysed or written, as the app withholds them on load. The
 * command line has no "keep" choice: nothing it writes ever holds them.
 */
import { PERSONAL_WARNINGS, personalFieldsToDrop, splitFields } from '../core/io/personal-fields';
import type { LoadedLayer } from '../core/model';

/** The layer without its personal fields, with the app's warning naming them; the layer itself when it has none. */
export function withoutPersonalFields(layer: LoadedLayer, role: string): LoadedLayer {
  const fields = personalFieldsToDrop(role, layer.fieldNames);
  if (fields.length === 0) return layer;
  const split = splitFields(layer.data, fields);
  return {
    ...layer,
    data: split.data,
    fieldNames: layer.fieldNames.filter((f) => !fields.includes(f)),
    warnings: [...layer.warnings, { code: PERSONAL_WARNINGS.dropped, count: split.featuresWithValues, params: { fields: fields.join(', ') } }],
  };
}
