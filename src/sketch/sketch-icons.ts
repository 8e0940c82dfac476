/**
 * Pictures for kid mode and the sketch markers as small inline SVG shapes bundled with the app: emoji
 * need a colour-emoji font, which Debian's Chromium (and many school tablets) lack, and then show empty
 * boxes. Plain data (24 × 24 viewBox), drawn by the UI as React SVG and by the map as DOM SVG; no remote
 * asset, no HTML strings. The emoji stay in the document (`emoji` property) and as accessible text.
 */
import type { SketchAgeBand, SketchKind } from '../core/sketch';
import { ROUTE_EMOJI, PROPOSAL_EMOJI, STICKERS } from './stickers';

export interface IconShape {
  readonly d: string;
  readonly fill?: string;
  readonly stroke?: string;
  readonly width?: number;
  readonly opacity?: number;
}

const circle = (cx: number, cy: number, r: number) => ellipse(cx, cy, r, r);
function ellipse(cx: number, cy: number, rx: number, ry: number): string {
  return `M${cx - rx} ${cy}a${rx} ${ry} 0 1 0 ${2 * rx} 0a${rx} ${ry} 0 1 0 ${-2 * rx} 0Z`;
}
/** A standing person `h` high (feet at y = 22), for the age bands. */
function person(h: number, fill: string): IconShape[] {
  const top = 22 - h;
  const r = h * 0.17;
  const w = h * 0.16;
  const body = top + 2 * r + 0.8;
  return [
    { d: circle(12, top + r, r), fill },
    { d: `M${12 - w} ${body}h${2 * w}v${22 - body}h${-2 * w}Z`, fill },
  ];
}

const INK = '#2b2b2b';

export const ICONS = {
  playground: [
    { d: 'M5 21V6M9 21V6M5 10H9M5 14H9M5 18H9', stroke: '#4a4a4a', width: 1.6 },
    { d: 'M8 6H11C14 6 15 19 21.5 19', stroke: '#f08c00', width: 3 },
  ],
  crossing: [
    { d: 'M2 5H22V19H2Z', fill: '#4d4d4d' },
    { d: 'M4 6.5h2.6v11H4ZM9.1 6.5h2.6v11H9.1ZM14.2 6.5h2.6v11h-2.6ZM19.3 6.5h1.7v11h-1.7Z', fill: '#ffffff' },
  ],
  shade: [
    { d: 'M10.8 13h2.4v9h-2.4Z', fill: '#8a5a14' },
    { d: circle(12, 9, 7.5), fill: '#2e9d4f' },
    { d: circle(9.5, 7, 2.2), fill: '#58c27a' },
  ],
  toilet: [
    { d: 'M5 2.5h6.5v8H5Z', fill: '#4aa3df', stroke: '#1f5f8b', width: 1 },
    { d: 'M4 10.5H20C20 14.5 17 17 13.5 17L14.5 21.5H8L9 17C6 16.5 4 14 4 10.5Z', fill: '#4aa3df', stroke: '#1f5f8b', width: 1 },
  ],
  bench: [
    { d: 'M2.5 7h19v2.8h-19ZM2.5 12h19v2.8h-19Z', fill: '#a0682a' },
    { d: 'M5 14.8V21M19 14.8V21M5 9.8V12M19 9.8V12', stroke: '#5a3a12', width: 2 },
  ],
  danger: [
    { d: 'M12 2L23 21.5H1Z', fill: '#ffcc00', stroke: INK, width: 1.2 },
    { d: 'M10.9 8h2.2l-.5 7.5h-1.2Z', fill: INK },
    { d: circle(12, 18.2, 1.3), fill: INK },
  ],
  favourite: [
    { d: 'M12 21.5C5 15.5 2 12.5 2 8.3C2 5.2 4.4 3 7.2 3C9.2 3 11 4.2 12 6C13 4.2 14.8 3 16.8 3C19.6 3 22 5.2 22 8.3C22 12.5 19 15.5 12 21.5Z', fill: '#e0409a' },
  ],
  barrier: [
    { d: 'M5 8V22M19 8V22', stroke: '#444444', width: 2.2 },
    { d: 'M1.5 7.5h21v6.5h-21Z', fill: '#ffffff', stroke: '#d7261e', width: 1 },
    { d: 'M2 7.5h3.5L2 14ZM8.5 7.5h4L9 14H5ZM15.5 7.5h4L16 14h-4ZM22.5 9.5V14h-3.5Z', fill: '#d7261e' },
  ],
  route: [
    { d: ellipse(8, 15.5, 2.6, 4), fill: '#2f6fd6' },
    { d: ellipse(16, 7.5, 2.6, 4), fill: '#2f6fd6' },
    { d: `${circle(6.4, 10.2, 0.9)}${circle(8.6, 9.9, 0.9)}${circle(14.4, 2.2, 0.9)}${circle(16.6, 1.9, 0.9)}`, fill: '#2f6fd6' },
  ],
  proposal: [
    { d: 'M3.5 21.5V9.5L12 3.5L20.5 9.5V21.5Z', fill: '#f08c00', stroke: '#8a4b00', width: 1 },
    { d: 'M10.8 10.5h2.4v3.3h3.3v2.4h-3.3v3.3h-2.4v-3.3H7.5v-2.4h3.3Z', fill: '#ffffff' },
  ],
  pin: [
    { d: 'M12 22C7 15 5 12 5 9A7 7 0 0 1 19 9C19 12 17 15 12 22Z', fill: '#555555' },
    { d: circle(12, 9, 2.5), fill: '#ffffff' },
  ],
  select: [{ d: 'M6 2.5V19L10 15.3L13 21.5L15.6 20.3L12.7 14.3H18Z', fill: '#ffffff', stroke: INK, width: 1.4 }],
  area: [{ d: 'M12 3L21.5 10L17.8 21H6.2L2.5 10Z', fill: '#2e9d4f', opacity: 0.35, stroke: '#2e9d4f', width: 2 }],
  undo: [{ d: 'M8.5 4.5L3 10L8.5 15.5M3 10H15C18.6 10 21 12.6 21 16C21 19.2 18.6 21.5 15 21.5H10', stroke: '#1d5fd1', width: 2.4 }],
  redo: [{ d: 'M15.5 4.5L21 10L15.5 15.5M21 10H9C5.4 10 3 12.6 3 16C3 19.2 5.4 21.5 9 21.5H14', stroke: '#1d5fd1', width: 2.4 }],
  delete: [
    { d: 'M5.5 7.5H18.5L17.3 21.5H6.7Z', fill: '#8c8c8c' },
    { d: 'M3.5 5h17v2.2h-17ZM9.5 2.5h5V5h-5Z', fill: '#555555' },
    { d: 'M9.5 10.5v8M14.5 10.5v8', stroke: '#ffffff', width: 1.4 },
  ],
  start: [{ d: 'M6.5 3.5L20.5 12L6.5 20.5Z', fill: '#2e9d4f' }],
  close: [{ d: 'M5 5L19 19M19 5L5 19', stroke: '#a01010', width: 3.2 }],
  kid: [
    { d: circle(12, 12.5, 9), fill: '#ffd9a8', stroke: '#8a5a14', width: 1.2 },
    { d: 'M4 10C5 4 10 2.5 12 4.5C14 2.5 19 4 20 10C17 7.5 14 7 12 8C10 7 7 7.5 4 10Z', fill: '#6b3e12' },
    { d: `${circle(9, 12.5, 1.2)}${circle(15, 12.5, 1.2)}`, fill: INK },
    { d: 'M8.8 16C10.5 18 13.5 18 15.2 16', stroke: INK, width: 1.3 },
  ],
  // The workshop's link: three arcs over a dot (a connection), crossed out when it is gone.
  online: [{ d: 'M3 9.5C8 4.5 16 4.5 21 9.5M6 13C9.5 9.8 14.5 9.8 18 13M9 16.5C10.8 15 13.2 15 15 16.5', stroke: '#2e9d4f', width: 2.2 }, { d: circle(12, 19.5, 1.6), fill: '#2e9d4f' }],
  offline: [
    { d: 'M3 9.5C8 4.5 16 4.5 21 9.5M6 13C9.5 9.8 14.5 9.8 18 13M9 16.5C10.8 15 13.2 15 15 16.5', stroke: '#9aa0a6', width: 2.2 },
    { d: circle(12, 19.5, 1.6), fill: '#9aa0a6' },
    { d: 'M4 3L20 21', stroke: '#c0392b', width: 2.8 },
  ],
  age_0_3: person(9, '#e0409a'),
  age_4_6: person(13, '#f08c00'),
  age_7_12: person(17, '#2e9d4f'),
  age_13_18: person(20, '#2f6fd6'),
} as const satisfies Record<string, readonly IconShape[]>;

export type IconId = keyof typeof ICONS;

export const ageIcon = (band: SketchAgeBand): IconId => `age_${band}`;

/** The picture of a feature: its sticker's (found by its emoji), else its kind's. */
export function iconOf(kind: SketchKind, emoji?: string): IconId {
  const byEmoji = emoji ? STICKERS.find((s) => s.emoji === emoji) : undefined;
  if (byEmoji && byEmoji.kind === kind) return byEmoji.id as IconId;
  if (kind === 'route' || emoji === ROUTE_EMOJI) return 'route';
  if (kind === 'proposal' || emoji === PROPOSAL_EMOJI) return 'proposal';
  const first = STICKERS.find((s) => s.kind === kind);
  return first && first.id in ICONS ? (first.id as IconId) : 'pin';
}
