/** Every refusal the print layout returns; the UI translates them (src/i18n/locales/{en,zh}/print.json). */
export const PRINT_REFUSALS = [
  'print.map-too-large',
  'print.map-size-invalid',
  'print.scale-bar-too-short',
  'print.legend-overflow',
  'print.table-frame-too-small',
  'print.atlas-empty',
] as const;
export type PrintRefusal = (typeof PRINT_REFUSALS)[number];
