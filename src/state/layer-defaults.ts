/** Default colours per role, so a new layer is legible before anyone styles it. */
import type { LayerRole } from '../core/model';

type Rgb = [number, number, number];

const ROLE_COLORS: Partial<Record<LayerRole, Rgb>> = {
  city: [70, 70, 90],
  district: [120, 80, 170],
  street: [40, 110, 190],
  community: [30, 150, 120],
  streets: [140, 140, 150],
  crossings: [40, 40, 40],
  facilities: [220, 60, 120],
  homes: [230, 130, 50],
  population: [200, 100, 40],
  candidates: [0, 170, 200],
};

const OTHER_COLORS: Rgb[] = [[0, 140, 200], [200, 80, 0], [100, 160, 0], [160, 0, 160], [0, 150, 130]];

export function defaultColor(role: LayerRole, index: number): Rgb {
  return [...(ROLE_COLORS[role] ?? OTHER_COLORS[index % OTHER_COLORS.length])] as Rgb;
}
