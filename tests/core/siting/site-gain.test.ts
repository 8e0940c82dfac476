/**
 * Site suggestions from the analysis service, checked by rerunning the whole pipeline with the suggested
 * sites added as proposal facilities: the children of the band newly within the threshold must equal each
 * reported gain. On a hand-made grid every candidate is also tried alone, so the first pick is the best one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisService, prepareDataset, runAccessAnalysis, type AnalysisInputs, type PreparedDataset, type ProposedFacility } from '../../../src/core/analysis';
import { loadBuiltinPack } from '../../../src/core/rules';
import { demoInputs } from '../analysis/demo-inputs';
import { collection, feature, gridBox, gridHomes, gridStreets } from '../../fixtures/grid/grid-city';

const f = feature;
const fc = collection;

// The grid city (tests/fixtures/grid) with footways east–west; one kindergarten in the south-west corner.
function grid(): AnalysisInputs {
  return {
    streets: gridStreets('footway'),
    homes: gridHomes((x, y) => 1 + ((x * 7 + y * 3) % 5)),
    facilities: [{ fc: fc(f({ type: 'Point', coordinates: [0.0001, 0.0001] }, { id: 'k1' })), category: 'kindergarten' }],
    units: { city: fc(f(gridBox(), { id: 'c' })) },
  };
}

/** Children 4-6 within `thresholdM` of a kindergarten after a full rerun with `proposals`, in one unit (or all homes). */
function childrenWithin(data: PreparedDataset, proposals: ProposedFacility[], thresholdM: number, unit?: { level: 'community'; id: string }): number {
  const run = runAccessAnalysis(data, { categories: ['kindergarten'], thresholds: [{ m: thresholdM }], isochrones: 'none', proposals });
  const walking = run.result.categories[0].walkingM;
  const kids = run.tables.homes.children['4-6'];
  const u = unit ? run.tables.units[unit.level]! : undefined;
  const ui = u ? u.ids.indexOf(unit!.id) : -1;
  let s = 0;
  for (let h = 0; h < walking.length; h++) if ((!u || u.homeUnit[h] === ui) && walking[h] <= thresholdM) s += kids[h];
  return s;
}

const asProposals = (sites: readonly { lng: number; lat: number }[]): ProposedFacility[] =>
  sites.map((s, i) => ({ id: `site${i}`, category: 'kindergarten', lng: s.lng, lat: s.lat }));

describe('suggestSites on a hand-made grid', () => {
  it('each gain equals the rerun with the sites as proposals, and the first site is the best single candidate', async () => {
    const service = createAnalysisService();
    await service.setInputs('g', grid());
    const ran = await service.run('r', 'g', { categories: ['kindergarten'], thresholds: [{ m: 300 }] });
    if (!ran.ok) throw new Error(ran.error.code);
    const r = await service.suggestSites('s', ran.value.runId, null, { category: 'kindergarten', thresholdM: 300, ageBand: '4-6', k: 3, candidates: 'network' });
    if (!r.ok) throw new Error(r.error.code);
    const { sites, candidateCount, uncoveredBefore } = r.value;
    expect(sites.length).toBe(3);
    expect(candidateCount).toBe(36 + 60); // every vertex and every segment midpoint (below the 300 cap)

    const data = prepareDataset(grid());
    const base = childrenWithin(data, [], 300);
    const total = grid().homes.features.reduce((s, h) => s + Number(h.properties!.children_4_6), 0);
    expect(uncoveredBefore).toBe(total - base);
    for (let j = 1; j <= sites.length; j++) {
      const now = childrenWithin(data, asProposals(sites.slice(0, j)), 300);
      const before = childrenWithin(data, asProposals(sites.slice(0, j - 1)), 300);
      expect(now - before).toBeCloseTo(sites[j - 1].gain, 9);
      expect(now - base).toBeCloseTo(sites[j - 1].cumulative, 9);
    }
    // Brute force over the same candidates: the network points are vertices and midpoints of the grid.
    const points: { lng: number; lat: number }[] = [];
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) points.push({ lng: i * 0.001, lat: j * 0.001 });
    for (let i = 0; i < 6; i++) for (let j = 0; j < 5; j++) points.push({ lng: i * 0.001, lat: j * 0.001 + 0.0005 }, { lng: j * 0.001 + 0.0005, lat: i * 0.001 });
    const best = Math.max(...points.map((p) => childrenWithin(data, asProposals([p]), 300) - base));
    expect(sites[0].gain).toBeCloseTo(best, 9);
  });

  it('a candidate layer is used as given, and unknown rules and units are refused with codes', async () => {
    const service = createAnalysisService();
    await service.setInputs('g', grid());
    const ran = await service.run('r', 'g', { categories: ['kindergarten'], thresholds: [{ m: 300 }] });
    if (!ran.ok) throw new Error(ran.error.code);
    const runId = ran.value.runId;
    const layer = [{ lng: 0.0045, lat: 0.0045 }, { lng: 0.002, lat: 0.002 }];
    const r = await service.suggestSites('s', runId, null, { category: 'kindergarten', thresholdM: 300, ageBand: '4-6', k: 1, candidates: layer });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.candidateCount).toBe(2);
    const data = prepareDataset(grid());
    const base = childrenWithin(data, [], 300);
    const gains = layer.map((p) => childrenWithin(data, asProposals([p]), 300) - base);
    expect(r.value.sites[0].lng).toBe(layer[gains[0] >= gains[1] ? 0 : 1].lng);
    expect(r.value.sites[0].gain).toBeCloseTo(Math.max(...gains), 9);
    expect(await service.suggestSites('s', runId, null, { ruleId: 'x', k: 1, candidates: 'network' })).toEqual({ ok: false, error: { code: 'siting.no-rule-set', params: {} } });
    const bad = await service.suggestSites('s', runId, null, { category: 'kindergarten', thresholdM: 300, ageBand: '4-6', unitLevel: 'community', unitId: 'nope', k: 1, candidates: 'network' });
    expect(!bad.ok && bad.error.code).toBe('siting.unknown-unit');
  });
});

describe('suggestSites on the demo city', () => {
  let inputs: AnalysisInputs;
  beforeAll(async () => {
    inputs = await demoInputs();
  }, 60_000);

  it('for a failing community, each gain equals the rerun with the sites as proposals', async () => {
    const service = createAnalysisService();
    await service.setInputs('demo', inputs);
    const pack = loadBuiltinPack('default');
    const ran = await service.runWithRules('r', 'demo', { categories: [], thresholds: [{ m: 300 }], isochrones: 'none' }, pack);
    if (!ran.ok) throw new Error(ran.error.code);
    // Jingbei Community (d1s2c1) is designed without a kindergarten: it fails the 300 m rule.
    const gap = ran.value.evaluation.gaps.find((g) => g.rule_id === 'community.kindergarten-300m' && g.unit_id === 'd1s2c1');
    expect(gap).toBeDefined();
    const r = await service.suggestSites('s', ran.value.access.runId, pack, { ruleId: 'community.kindergarten-300m', unitId: 'd1s2c1', k: 2, candidates: 'network' });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.uncoveredBefore).toBeCloseTo(gap!.children_affected, 9);
    expect(r.value.sites.length).toBe(2);

    const data = prepareDataset(inputs);
    const unit = { level: 'community' as const, id: 'd1s2c1' };
    const base = childrenWithin(data, [], 300, unit);
    let before = base;
    for (let j = 1; j <= 2; j++) {
      const now = childrenWithin(data, asProposals(r.value.sites.slice(0, j)), 300, unit);
      expect(now - before).toBeCloseTo(r.value.sites[j - 1].gain, 6);
      expect(now - base).toBeCloseTo(r.value.sites[j - 1].cumulative, 6);
      before = now;
    }
    expect(r.value.sites[0].gain).toBeGreaterThan(0);
  }, 60_000);
});
