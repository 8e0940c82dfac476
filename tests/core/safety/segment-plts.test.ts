/** One test per row of the segment table, with its basis, and the speed and lanes parts. */
import { describe, expect, it } from 'vitest';
import { CHILD_V1 } from '../../../src/core/safety/profile';
import { lanesPart, rateSegment, speedPart } from '../../../src/core/safety/segment-plts';

const P = CHILD_V1;

describe('segment table rows', () => {
  it.each(['footway', 'pedestrian', 'path', 'steps', 'corridor', 'bridleway', 'track', 'cycleway', 'living_street', 'platform'])(
    'dedicated: %s is 1 even with a fast maxspeed', (highway) => {
      const r = rateSegment({ highway, maxspeed: '80', sidewalk: 'no' }, P);
      expect([r.plts, r.basis]).toEqual([1, 'dedicated']);
    });

  it.each([
    // speed part vs lanes part: the larger wins.
    [{ highway: 'residential', sidewalk: 'both', maxspeed: '20' }, 1],
    [{ highway: 'residential', sidewalk: 'both', maxspeed: '40' }, 2],
    [{ highway: 'primary', sidewalk: 'both', maxspeed: '56' }, 3],
    [{ highway: 'primary', sidewalk: 'both', maxspeed: '57' }, 4],
    [{ highway: 'residential', sidewalk: 'both', maxspeed: '20', lanes: '3' }, 3],
    [{ highway: 'residential', sidewalk: 'both', maxspeed: '20', lanes: '4' }, 4],
  ])('other road, sidewalk present: %o → %i', (props, plts) => {
    const r = rateSegment(props, P);
    expect([r.plts, r.basis]).toEqual([plts, 'sidewalk']);
  });

  it.each([
    [{ highway: 'residential', sidewalk: 'no', maxspeed: '20' }, 2],
    [{ highway: 'residential', sidewalk: 'no', maxspeed: '30' }, 3],
    [{ highway: 'residential', sidewalk: 'no', maxspeed: '31' }, 4],
  ])('other road, sidewalk absent: %o → %i', (props, plts) => {
    const r = rateSegment(props, P);
    expect([r.plts, r.basis]).toEqual([plts, 'no_sidewalk']);
  });

  it('other road, sidewalk unknown, speed ≤ 30 → 2 assumed_quiet (even with 4 lanes)', () => {
    const r = rateSegment({ highway: 'residential', lanes: '4' }, P);
    expect([r.plts, r.basis, r.speedKmh, r.speedAssumed]).toEqual([2, 'assumed_quiet', 30, true]);
  });

  it('other road, sidewalk unknown, speed > 30 → as sidewalk present, assumed_sidewalk', () => {
    expect(rateSegment({ highway: 'primary' }, P)).toMatchObject({ plts: 3, basis: 'assumed_sidewalk', speedKmh: 50, lanes: 2 });
    expect(rateSegment({ highway: 'tertiary', maxspeed: '35', lanes: '4' }, P)).toMatchObject({ plts: 4, basis: 'assumed_sidewalk' });
  });

  it('any other walkable highway value reads as road (speed default 50)', () => {
    expect(rateSegment({ highway: 'bus_stop' }, P)).toMatchObject({ plts: 3, basis: 'assumed_sidewalk', speedKmh: 50, speedAssumed: true });
  });
});

describe('speed part and lanes part', () => {
  it.each([[0, 1], [20, 1], [20.1, 2], [40, 2], [40.5, 3], [56, 3], [56.1, 4]])('speed %f → %i', (kmh, p) => expect(speedPart(kmh, P)).toBe(p));
  it.each([[1, 1], [2, 1], [3, 3], [4, 4], [6, 4]])('lanes %i → %i', (lanes, p) => expect(lanesPart(lanes)).toBe(p));
});
