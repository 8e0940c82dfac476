/** gaps.csv and scorecards.csv as data-schema.md defines them, and gaps on their unit polygons. */
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { evaluateRules, gapsToCsv, gapsToGeoJSON, scorecardsToCsv } from '../../../src/core/rules';
import { tinyInputs, tinyUnits } from '../../fixtures/rules/tiny-city';
import { rule, ruleSet } from '../../fixtures/rules/rule-builders';

const set = ruleSet([
  rule('k', 'community', { kind: 'share_within', category: 'kindergarten', age_band: '4-6', threshold_m: 300 }, 0.8),
  rule('w', 'community', { kind: 'worst_distance', category: 'kindergarten', age_band: '4-6' }, 300),
  rule('t', 'community', { kind: 'worst_distance', category: 'kindergarten', age_band: '13-18' }, 300),
]);

describe('gapsToCsv', () => {
  const ev = evaluateRules(set, tinyInputs());
  const lines = gapsToCsv(ev.records).trimEnd().split('\n');

  it('writes the data-schema.md columns in order', () => {
    // data-schema.md: "gaps.csv — rule_id, scale, unit_id, unit_name, category, age_band, metric, measured, target,
    // passed, severity, children_affected, source."
    // Issue 12 adds target_original, population_base, population at the end (docs/data-schema.md); issue 13
    // status, reason, homes_affected after them.
    expect(lines[0]).toBe('rule_id,scale,unit_id,unit_name,category,age_band,metric,measured,target,passed,severity,children_affected,source,target_original,population_base,population,status,reason,homes_affected');
    expect(lines).toHaveLength(1 + 12);
  });
  it('writes values, an unreachable worst home as Infinity and a not-applicable measure as empty', () => {
    expect(lines[1]).toBe('k,community,K1,K1 name,kindergarten,4-6,share_within,0.5,0.8,false,major,10,"Test source (2020), §1 [C]",,,,failed,,1');
    expect(lines[8].split(',').slice(0, 10)).toEqual(['w', 'community', 'K4', 'K4 name', 'kindergarten', '4-6', 'worst_distance', 'Infinity', '300', 'false']);
    expect(lines[9].split(',')[7]).toBe('');
  });
  it('a rule that does not apply (no child of 13-18 in K1) has an empty passed cell, its status and its reason', () => {
    const t1 = lines[9].split(',');
    expect([t1[0], t1[2], t1[7], t1[9]]).toEqual(['t', 'K1', '', '']);
    expect(t1.slice(-3)).toEqual(['not-applicable', 'no-children-in-unit', '0']);
    expect(lines.filter((l) => l.split(',')[9] === 'true').every((l) => l.split(',').at(-3) === 'passed')).toBe(true);
  });
  it('quotes names holding commas and quotes (RFC 4180)', () => {
    const units = tinyUnits();
    const named = { ...units, community: { ...units.community, names: ['Plum "Garden", East', 'b', 'c', 'd'] } };
    const csv = gapsToCsv(evaluateRules(set, tinyInputs(named)).records);
    expect(csv.split('\n')[1]).toContain(',"Plum ""Garden"", East",');
  });
});

describe('scorecardsToCsv', () => {
  it('has one row per unit and rule of its scale, with the roll-up', () => {
    const ev = evaluateRules(set, tinyInputs());
    const lines = scorecardsToCsv(ev.scorecards).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 4 * 3);
    const header = lines[0].split(',');
    const k1 = lines[1].split(',');
    expect(Object.fromEntries(header.map((h, i) => [h, k1[i]]))).toMatchObject({
      unit_level: 'community', unit_id: 'K1', child_friendly: 'false', failing_here: '2', failing_below: '0', rule_id: 'k', measured: '0.5',
    });
  });
});

describe('gapsToGeoJSON', () => {
  const square = (i: number): Polygon => ({ type: 'Polygon', coordinates: [[[i, 0], [i + 1, 0], [i + 1, 1], [i, 1], [i, 0]]] });
  const ev = evaluateRules(set, tinyInputs());

  it('puts each record on its unit polygon, null where none is known, with JSON-safe numbers', () => {
    const fc = gapsToGeoJSON(ev.gaps, { community: [square(0), square(1), square(2)] });
    const byUnit = Object.fromEntries(fc.features.map((f) => [`${f.properties!.rule_id}:${f.properties!.unit_id}`, f]));
    expect(Object.keys(byUnit).sort()).toEqual(['k:K1', 'k:K3', 'w:K1', 'w:K3', 'w:K4']);
    expect(byUnit['k:K3'].geometry).toEqual(square(2));
    expect(byUnit['w:K4'].geometry).toBeNull();
    expect(byUnit['w:K4'].properties).toMatchObject({ measured: null, unreachable: true, uncovered_homes: 1, homes_affected: 1, estimated: true, status: 'failed', reason: null, passed: false });
    const na = gapsToGeoJSON(ev.records, {}).features.find((f) => f.properties!['rule_id'] === 't')!;
    expect(na.properties).toMatchObject({ status: 'not-applicable', reason: 'no-children-in-unit', passed: null, applicable: false });
    expect(JSON.parse(JSON.stringify(fc))).toEqual(fc);
  });
});
