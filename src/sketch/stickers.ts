/**
 * The kid-mode stickers: a picture first (an emoji), a word second (i18n key `sketch.sticker.<id>`). Each
 * sets a feature's `kind` and `emoji`; wishes also suggest the facility category a designer would propose.
 */
import type { SketchKind } from '../core/sketch';

export interface Sticker {
  readonly id: string;
  readonly kind: SketchKind;
  readonly emoji: string;
  /** The facility category a wish of this sticker becomes as a proposal, when there is one. */
  readonly category?: string;
}

export const STICKERS: readonly Sticker[] = [
  { id: 'playground', kind: 'wish', emoji: '🛝', category: 'playground' },
  { id: 'crossing', kind: 'wish', emoji: '🚸' },
  { id: 'shade', kind: 'wish', emoji: '🌳', category: 'park' },
  { id: 'toilet', kind: 'wish', emoji: '🚻' },
  { id: 'bench', kind: 'wish', emoji: '🪑' },
  { id: 'danger', kind: 'danger', emoji: '⚠️' },
  { id: 'favourite', kind: 'favourite', emoji: '❤️' },
  { id: 'barrier', kind: 'barrier', emoji: '🚧' },
];

/** The emoji of a drawn route ("how I walk to school") and of a proposal. */
export const ROUTE_EMOJI = '👣';
export const PROPOSAL_EMOJI = '🏗️';

export const DEFAULT_STICKER = STICKERS[0]!;

export const stickerById = (id: string): Sticker | undefined => STICKERS.find((s) => s.id === id);

/** The emoji a feature shows: its own, else one for its kind. */
export function emojiOf(kind: SketchKind, emoji: string | undefined): string {
  if (emoji) return emoji;
  if (kind === 'route') return ROUTE_EMOJI;
  if (kind === 'proposal') return PROPOSAL_EMOJI;
  return STICKERS.find((s) => s.kind === kind)?.emoji ?? '📍';
}

/** Presence: a colour and an emoji per person, never a name (docs/co-sketch.md). */
export const PRESENCE_COLOURS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324'] as const;
export const PRESENCE_EMOJI = ['🦊', '🐼', '🐯', '🐸', '🐧', '🦁', '🐨', '🐙', '🦉', '🐢'] as const;
