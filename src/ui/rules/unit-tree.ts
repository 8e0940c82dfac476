/** Parent/child links between units of the evaluated run, for breadcrumbs and drill-down. */
import { UNIT_LEVELS, type UnitLevel } from '../../core/model';
import type { Scorecard } from '../../core/rules';
import type { UnitsSummary } from '../../protocol/analysis-api';
import type { UnitRef } from '../../state';

export interface UnitTree {
  readonly card: (u: UnitRef) => Scorecard | undefined;
  /** From the top level down to `u`. */
  readonly path: (u: UnitRef) => UnitRef[];
  readonly children: (u: UnitRef) => UnitRef[];
  readonly root: UnitRef | undefined;
}

export function unitTree(cards: readonly Scorecard[], units: readonly UnitsSummary[]): UnitTree {
  const byKey = new Map(cards.map((c) => [`${c.level}:${c.unit_index}`, c]));
  const levels = UNIT_LEVELS.filter((l) => cards.some((c) => c.level === l));
  const summary = new Map(units.map((u) => [u.level, u]));
  const above = (l: UnitLevel) => levels[levels.indexOf(l) - 1];
  const below = (l: UnitLevel) => levels[levels.indexOf(l) + 1];
  // The whole-area city of a run without a city layer has no summary: every top unit hangs under it.
  const parentOf = (u: UnitRef): UnitRef | undefined => {
    const up = above(u.level);
    if (!up) return undefined;
    const p = summary.get(u.level)?.parentIdx[u.index] ?? (up === 'city' ? 0 : -1);
    return p >= 0 ? { level: up, index: p } : undefined;
  };
  return {
    card: (u) => byKey.get(`${u.level}:${u.index}`),
    path(u) {
      const out: UnitRef[] = [u];
      for (let p = parentOf(u); p; p = parentOf(p)) out.unshift(p);
      return out;
    },
    children(u) {
      const down = below(u.level);
      if (!down) return [];
      return cards.filter((c) => c.level === down).map((c) => ({ level: down, index: c.unit_index }))
        .filter((c) => { const p = parentOf(c); return p?.level === u.level && p.index === u.index; });
    },
    root: levels[0] ? { level: levels[0], index: 0 } : undefined,
  };
}
