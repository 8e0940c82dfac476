/** How each OSM highway class is drawn: colour, width at zoom 16, and draw rank (major roads on top). */
import type { Rgb } from './colors';

export interface HighwayStyle {
  readonly color: Rgb;
  readonly width: number;
  readonly dashed?: boolean;
}

const MAJOR: HighwayStyle = { color: [214, 80, 60], width: 6 };
const PRIMARY: HighwayStyle = { color: [236, 150, 60], width: 5 };
const SECONDARY: HighwayStyle = { color: [226, 196, 70], width: 4.5 };
const TERTIARY: HighwayStyle = { color: [180, 180, 120], width: 4 };
const MINOR: HighwayStyle = { color: [150, 150, 160], width: 3 };
const SERVICE: HighwayStyle = { color: [175, 175, 180], width: 1.8 };
const FOOT: HighwayStyle = { color: [70, 150, 90], width: 1.5, dashed: true };

export const HIGHWAY_STYLES: Readonly<Record<string, HighwayStyle>> = {
  motorway: MAJOR, motorway_link: MAJOR, trunk: MAJOR, trunk_link: MAJOR,
  primary: PRIMARY, primary_link: PRIMARY,
  secondary: SECONDARY, secondary_link: SECONDARY,
  tertiary: TERTIARY, tertiary_link: TERTIARY,
  unclassified: MINOR, residential: MINOR, living_street: MINOR, road: MINOR,
  service: SERVICE, track: SERVICE,
  pedestrian: FOOT, footway: FOOT, path: FOOT, steps: FOOT, cycleway: FOOT,
};

/** Classes as the legend lists them, most important first. */
export const HIGHWAY_LEGEND_ORDER = [
  'motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'residential', 'living_street', 'unclassified', 'service',
  'pedestrian', 'footway', 'cycleway', 'path', 'steps', 'track', 'road',
] as const;

/** Link roads show as their main class in the legend. */
export const legendClass = (highway: string): string => {
  const base = highway.replace(/_link$/, '');
  return (HIGHWAY_LEGEND_ORDER as readonly string[]).includes(base) ? base : 'road';
};
