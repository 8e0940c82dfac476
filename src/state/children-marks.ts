/**
 * The sketch's danger marks and drawn routes beside the shown safe routes (issue 9, item 6), counted by
 * core/safety's `countChildrenMarks`.
 *
 * On the main thread, not in the analysis worker: the network's geometry is indexed once per result
 * (Flatbush over street segments and crossing points, kept by result below), and a sketch change then costs
 * a few index queries per mark. Measured on the demo city (12,448 segments) on this shared 2-core machine
 * under load: the index 15–40 ms once, a count 3 ms for 30 marks, 18 ms for 300, 57 ms for 3,000 (a fifth of
 * them 400 m routes) — a workshop's tens to hundreds of marks, counted once per stroke, not per frame. In the
 * worker every stroke would be a round trip with the marks sent across, and the panel would lag the sketch.
 * Memoised on the two inputs: the result, and the danger/route marks themselves (a wish added, a mark
 * selected, a render: no recount).
 */
import { countChildrenMarks, indexMarksNetwork, type ChildrenMarks, type MarksIndex } from '../core/safety';
import type { SketchFeature } from '../core/sketch';
import type { SafeRoutesResult } from '../protocol/analysis-api';
import { analysisPlan } from './analysis-plan';
import type { AppState } from './types';

export type ChildrenMarksInput = Pick<AppState, 'safety' | 'sketch' | 'doc' | 'layerData'>;

const indexes = new WeakMap<SafeRoutesResult, MarksIndex>();

function indexOf(s: ChildrenMarksInput, r: SafeRoutesResult): MarksIndex {
  let ix = indexes.get(r);
  if (!ix) {
    // The streets in the order the analysis merged them: the result's street arrays follow it.
    const streets = analysisPlan(s).streets.flatMap((l) => s.layerData[l.id]?.data.features ?? []).map((f) => f.geometry);
    ix = indexMarksNetwork({ ...r, streets });
    indexes.set(r, ix);
  }
  return ix;
}

const counted = (f: SketchFeature) => (f.properties.kind === 'danger' && f.geometry.type === 'Point') || (f.properties.kind === 'route' && f.geometry.type === 'LineString');

/** What the count reads of the marks: id, kind, age band and coordinates. */
const marksKey = (marks: readonly SketchFeature[]) =>
  marks.map((f) => `${f.id}|${f.properties.kind}|${f.properties.age_band ?? ''}|${JSON.stringify(f.geometry.coordinates)}`).join('\n');

let memo: { features: readonly SketchFeature[]; index: MarksIndex; key: string; value: ChildrenMarks | null } | null = null;

/** The children's counts per hotspot and the disagreements; null without a result or without danger and route marks. */
export function childrenMarks(s: ChildrenMarksInput): ChildrenMarks | null {
  const r = s.safety.result;
  if (!r) return null;
  const features = s.sketch.features;
  const index = indexOf(s, r);
  if (memo && memo.index === index && memo.features === features) return memo.value;
  const marks = features.filter(counted);
  const key = marksKey(marks);
  if (memo && memo.index === index && memo.key === key) {
    memo = { ...memo, features };
    return memo.value;
  }
  memo = { features, index, key, value: marks.length > 0 ? countChildrenMarks(index, marks) : null };
  return memo.value;
}
