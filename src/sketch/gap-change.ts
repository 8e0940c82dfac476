/**
 * What a proposal changed in the rule check (issue 9 item 2): gaps closed and opened per unit level
 * (community, street, district, city) and the scorecard's change (child-friendly units, failing rules).
 * Pure: two evaluations of the same rule set in, counts out; the panel and the gap report show them.
 */
import type { UnitLevel } from '../core/model';
import type { Evaluation, GapRecord } from '../core/rules';

export interface LevelChange {
  readonly level: UnitLevel;
  /** Failing rule × unit records before and after. */
  readonly before: number;
  readonly after: number;
  /** Failing before, passing (or not applicable) after. */
  readonly closed: number;
  /** Passing before, failing after (a proposal should open none; shown when it does). */
  readonly opened: number;
  /** Units of this level whose scorecard says child-friendly, before and after, of `units`. */
  readonly friendlyBefore: number;
  readonly friendlyAfter: number;
  readonly units: number;
}

export interface ClosedGap {
  readonly rule_id: string;
  readonly scale: UnitLevel;
  readonly unit_id: string;
  readonly unit_name: string;
  readonly unit_name_zh?: string;
}

export interface GapChange {
  readonly ruleSetId: string;
  /** Levels that have units, largest first. */
  readonly levels: readonly LevelChange[];
  readonly closed: readonly ClosedGap[];
  readonly failingBefore: number;
  readonly failingAfter: number;
}

const ORDER: readonly UnitLevel[] = ['city', 'district', 'street', 'community'];
const key = (g: Pick<GapRecord, 'rule_id' | 'scale' | 'unit_id'>) => `${g.rule_id}\u0000${g.scale}\u0000${g.unit_id}`;

export function gapChange(before: Evaluation, after: Evaluation): GapChange {
  const was = new Map(before.gaps.map((g) => [key(g), g]));
  const now = new Set(after.gaps.map(key));
  const closed = before.gaps.filter((g) => !now.has(key(g)));
  const opened = after.gaps.filter((g) => !was.has(key(g)));
  const levels: LevelChange[] = [];
  for (const level of ORDER) {
    const cardsB = before.scorecards.filter((c) => c.level === level);
    const cardsA = after.scorecards.filter((c) => c.level === level);
    const units = Math.max(cardsB.length, cardsA.length);
    if (!units) continue;
    levels.push({
      level,
      before: before.gaps.filter((g) => g.scale === level).length,
      after: after.gaps.filter((g) => g.scale === level).length,
      closed: closed.filter((g) => g.scale === level).length,
      opened: opened.filter((g) => g.scale === level).length,
      friendlyBefore: cardsB.filter((c) => c.childFriendly).length,
      friendlyAfter: cardsA.filter((c) => c.childFriendly).length,
      units,
    });
  }
  return {
    ruleSetId: before.summary.ruleSetId,
    levels,
    closed: closed.map((g) => ({ rule_id: g.rule_id, scale: g.scale, unit_id: g.unit_id, unit_name: g.unit_name, ...(g.unit_name_zh ? { unit_name_zh: g.unit_name_zh } : {}) })),
    failingBefore: before.gaps.length,
    failingAfter: after.gaps.length,
  };
}
