/** Child age bands of the Child-Friendly Community Construction Code (T/ZSX 3—2020). */
export const AGE_BANDS = ['0-3', '4-6', '7-12', '13-18'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Attribute name holding the child count of each band (data-schema.md). */
export const AGE_BAND_FIELD: Readonly<Record<AgeBand, string>> = {
  '0-3': 'children_0_3',
  '4-6': 'children_4_6',
  '7-12': 'children_7_12',
  '13-18': 'children_13_18',
};

/**
 * Default walking speeds per band, in m/s. Ours, not from a source (docs/standards.md §1): 0–3 are carried or
 * pushed at an adult's slow pace; 4–6 walk accompanied at about 0.8 m/s; older children near adult pace.
 */
export const DEFAULT_WALK_SPEED_MPS: Readonly<Record<AgeBand, number>> = {
  '0-3': 0.9,
  '4-6': 0.8,
  '7-12': 1.0,
  '13-18': 1.1,
};

export const isAgeBand = (s: string): s is AgeBand => (AGE_BANDS as readonly string[]).includes(s);
