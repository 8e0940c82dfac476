/** Street classes of the demo network and the OpenStreetMap tags each one carries. */
export const Cls = {
  None: 0,
  Arterial: 1,
  ArterialNoFoot: 2,
  CollectorRow: 3,
  CollectorCol: 4,
  Local: 5,
  VillageLane: 6,
  Footway: 7,
  VillageAlley: 8,
  GatedPath: 9,
  GatedPathFoot: 10,
  ParkPath: 11,
} as const;
export type Cls = (typeof Cls)[keyof typeof Cls];

export interface StreetTags {
  readonly highway: string;
  readonly maxspeed: number | null;
  readonly lanes: number | null;
  readonly sidewalk: string | null;
  readonly foot: string | null;
  readonly access: string | null;
  readonly lit: string;
}

const road = (highway: string, maxspeed: number, lanes: number, sidewalk: string, foot: string | null = null): StreetTags =>
  ({ highway, maxspeed, lanes, sidewalk, foot, access: null, lit: 'yes' });
const path = (highway: string, lit: string, access: string | null = null, foot: string | null = null): StreetTags =>
  ({ highway, maxspeed: null, lanes: null, sidewalk: null, foot, access, lit });

export const TAGS: Readonly<Record<number, StreetTags>> = {
  [Cls.Arterial]: road('primary', 60, 6, 'both'),
  // An arterial without sidewalks, closed to pedestrians: walkers cross it only at junctions.
  [Cls.ArterialNoFoot]: road('primary', 60, 6, 'no', 'no'),
  [Cls.CollectorRow]: road('secondary', 50, 4, 'both'),
  [Cls.CollectorCol]: road('tertiary', 40, 2, 'both'),
  [Cls.Local]: road('residential', 30, 2, 'both'),
  [Cls.VillageLane]: road('residential', 20, 1, 'no'),
  [Cls.Footway]: path('footway', 'yes'),
  [Cls.VillageAlley]: path('footway', 'no'),
  // Gated estate paths: private, so not walkable for the public unless foot=yes.
  [Cls.GatedPath]: path('footway', 'yes', 'private'),
  [Cls.GatedPathFoot]: path('footway', 'yes', 'private', 'yes'),
  [Cls.ParkPath]: path('path', 'no'),
};

export const isRoad = (c: Cls): boolean => c >= Cls.Arterial && c <= Cls.VillageLane;
export const isArterial = (c: Cls): boolean => c === Cls.Arterial || c === Cls.ArterialNoFoot;
export const isCollector = (c: Cls): boolean => c === Cls.CollectorRow || c === Cls.CollectorCol;
/** Rank for picking the major road at a junction. */
export const rank = (c: Cls): number => (isArterial(c) ? 3 : isCollector(c) ? 2 : isRoad(c) ? 1 : c === Cls.None ? -1 : 0);
