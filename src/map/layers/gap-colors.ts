/** Colours of the rules overlay (legend and map share them). */
export const GAP_COLORS = {
  friendly: [46, 160, 90],
  notFriendly: [220, 70, 60],
  notEvaluated: [160, 160, 160],
  uncovered: [255, 140, 0],
  site: [120, 40, 200],
  selected: [20, 20, 20],
} as const;
