/**
 * The results wall's figures (issue 9 item 3): the workshop's marks counted by kind and by age band, and
 * its proposals in the order they were made (the order the desk measured them in: each one's before is
 * the proposals made before it). Only counts, kinds, age bands and facility categories: no group, note,
 * time or id reaches the wall's text. Pure: no DOM.
 */
import type { SketchFeature, SketchKind } from '../core/sketch';
import { featurePoint } from './feature-point';
import { SUMMARY_BANDS, type SummaryBand } from './workshop-summary';

/** The children's marks the wall counts, in its order (proposals are the designer's and listed apart). */
export const WALL_KINDS = ['wish', 'danger', 'favourite', 'barrier', 'route'] as const satisfies readonly SketchKind[];
export type WallKind = (typeof WALL_KINDS)[number];

export interface WallProposal {
  readonly id: string;
  readonly category: string;
  /** The wish it came from, when it came from one. */
  readonly sourceId?: string;
  readonly point: [number, number];
}

export interface WallFigures {
  readonly byKind: Readonly<Record<WallKind, number>>;
  /** Children's marks (every wall kind) by age band; `unknown` when none was chosen. */
  readonly byBand: Readonly<Record<SummaryBand, number>>;
  readonly marks: number;
  readonly proposals: readonly WallProposal[];
}

const isWallKind = (k: SketchKind): k is WallKind => (WALL_KINDS as readonly string[]).includes(k);

/** Proposals with a facility category, oldest first (ties by id), as the desk made them one after another. */
export function wallProposals(features: readonly SketchFeature[]): WallProposal[] {
  return features
    .filter((f) => f.properties.kind === 'proposal' && typeof f.properties.category === 'string' && f.properties.category !== '')
    .sort((a, b) => (a.properties.created ?? '').localeCompare(b.properties.created ?? '') || a.id.localeCompare(b.id))
    .map((f) => ({ id: f.id, category: f.properties.category!, ...(f.properties.source_id ? { sourceId: f.properties.source_id } : {}), point: featurePoint(f) }));
}

export function wallFigures(features: readonly SketchFeature[]): WallFigures {
  const byKind = Object.fromEntries(WALL_KINDS.map((k) => [k, 0])) as Record<WallKind, number>;
  const byBand = Object.fromEntries(SUMMARY_BANDS.map((b) => [b, 0])) as Record<SummaryBand, number>;
  let marks = 0;
  for (const f of features) {
    const k = f.properties.kind;
    if (!isWallKind(k)) continue;
    byKind[k]++;
    byBand[f.properties.age_band ?? 'unknown']++;
    marks++;
  }
  return { byKind, byBand, marks, proposals: wallProposals(features) };
}
