/** Administrative levels, top down: city → district (区) → street (街道) → community (社区). */
export const UNIT_LEVELS = ['city', 'district', 'street', 'community'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** What a loaded layer means to the analyses. 'other' layers are drawn but not analysed. */
export const LAYER_ROLES = [...UNIT_LEVELS, 'streets', 'crossings', 'facilities', 'homes', 'population', 'candidates', 'other'] as const;
export type LayerRole = (typeof LAYER_ROLES)[number];

export const isUnitLevel = (r: string): r is UnitLevel => (UNIT_LEVELS as readonly string[]).includes(r);
export const isLayerRole = (r: string): r is LayerRole => (LAYER_ROLES as readonly string[]).includes(r);

/** The level one step up, or undefined for the city. */
export function parentLevel(level: UnitLevel): UnitLevel | undefined {
  const i = UNIT_LEVELS.indexOf(level);
  return i > 0 ? UNIT_LEVELS[i - 1] : undefined;
}
