/** Colour helpers and the fixed palettes shared by map layers and legends. */
export type Rgb = readonly [number, number, number];

export const css = ([r, g, b]: Rgb, a = 1): string => (a >= 1 ? `rgb(${r},${g},${b})` : `rgba(${r},${g},${b},${a})`);

export const hex = (c: Rgb): string => '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');

export function fromHex(s: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(s);
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : null;
}

/** Children per home: the ramp's lower bounds and colours (light to dark: more children). */
export const CHILD_RAMP: readonly { readonly min: number; readonly color: Rgb }[] = [
  { min: 0, color: [225, 225, 215] },
  { min: 1, color: [254, 224, 139] },
  { min: 5, color: [253, 174, 97] },
  { min: 10, color: [244, 109, 67] },
  { min: 20, color: [215, 48, 39] },
  { min: 40, color: [140, 20, 60] },
];

export function childRampColor(children: number): Rgb {
  let c = CHILD_RAMP[0].color;
  for (const step of CHILD_RAMP) if (children >= step.min) c = step.color;
  return c;
}

export const BACKGROUND: Rgb = [244, 241, 234];
