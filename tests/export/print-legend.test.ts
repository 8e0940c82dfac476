/**
 * The print legend's overlay rows: the access results the map shows (with the Access panel's swatches) and
 * the rule-check overlay (with the selected gap's uncovered homes when one is selected), top first; results
 * switched off on the map are left out. Document layers' rows are core/print's (tests/core/print/legend.test.ts).
 */
import type { TFunction } from 'i18next';
import { describe, expect, test } from 'vitest';
import { printLegendRows } from '../../src/export/page-text';
import type { AccessAnalysisResult } from '../../src/protocol/analysis-api';
import { createAppStore, type AppState } from '../../src/state';
import { fakeIo } from '../state/fake-io';

const t = ((k: string, o?: Record<string, unknown>) => (o ? `${k}${JSON.stringify(o)}` : k)) as unknown as TFunction;
const label = (r: ReturnType<typeof printLegendRows>[number]) => (r.kind === 'layer' ? `# ${r.name}` : `${r.entry.shape} ${r.entry.text ?? r.entry.key}`);

describe('print legend overlays', () => {
  const base = createAppStore({ io: fakeIo() }).getState();
  // Only what the legend reads of a result: its thresholds (300 m and 500 m).
  const result = { thresholdsM: [300, 500] } as unknown as AccessAnalysisResult;
  const withAnalysis = (category: string | null): AppState => ({
    ...base,
    analysis: { ...base.analysis, result, display: { ...base.analysis.display, category, thresholdUnit: 'm', show: { distance: true, isochrones: false, coverage: false, snapLegs: true } } },
  });

  test('an empty project without results has no legend', () => {
    expect(printLegendRows(base, t)).toEqual([]);
  });

  test('distance and snap legs shown, isochrones and coverage off: two headings, 5 + 3 classes, the later-drawn first', () => {
    const rows = printLegendRows(withAnalysis('playground'), t).map(label);
    expect(rows.filter((r) => r.startsWith('# '))).toEqual(['# analysis.layer.snapLegs', '# analysis.layer.distance']);
    expect(rows.length).toBe(2 + 3 + 5);
    // Distance: within each of the 2 thresholds, beyond the last, unreachable, not connected.
    expect(rows.slice(5).map((r) => r.split('{')[0])).toEqual([
      'fill analysis.legend.within', 'fill analysis.legend.within', 'fill analysis.legend.beyond', 'fill analysis.legend.unreachable', 'fill analysis.legend.notConnected',
    ]);
    expect(rows.slice(1, 4).map((r) => r.split('{')[0])).toEqual(['line analysis.legend.snapLeg', 'line analysis.legend.longSnap', 'fill analysis.legend.notConnected']);
  });

  test('no category on the map: no result rows', () => {
    expect(printLegendRows(withAnalysis(null), t)).toEqual([]);
  });

  test('the rule-check overlay on top: friendly, not friendly, and uncovered homes only while a gap is selected', () => {
    const rules = { ...base.rules, result: {} as AppState['rules']['result'], mapScale: 'community' as const };
    const plain = printLegendRows({ ...withAnalysis('playground'), rules }, t).map(label);
    expect(plain.slice(0, 3)).toEqual(['# layout.legendGaps · rules.scale.community', 'fill rulesUi.map.friendly', 'fill rulesUi.map.notFriendly']);
    expect(plain[3]).toBe('# analysis.layer.snapLegs');
    const selected = { ...rules, selectedGap: { ruleId: 'r', level: 'community', index: 0 } as AppState['rules']['selectedGap'] };
    expect(printLegendRows({ ...base, rules: selected }, t).map(label)).toEqual([
      '# layout.legendGaps · rules.scale.community', 'fill rulesUi.map.friendly', 'fill rulesUi.map.notFriendly', 'dot rulesUi.map.uncovered',
    ]);
  });
});
