/** One test per tag form of the contract ("Reading the tags of a way"), each with whether it was assumed. */
import { describe, expect, it } from 'vitest';
import { CHILD_V1 } from '../../../src/core/safety/profile';
import { readLanes, readSidewalk, readSpeed } from '../../../src/core/safety/tags';

const P = CHILD_V1;

describe('maxspeed forms', () => {
  it.each([
    ['number', { highway: 'primary', maxspeed: '60' }, 60, false],
    ['number from the importer', { highway: 'primary', maxspeed: 45 }, 45, false],
    ['N km/h', { highway: 'primary', maxspeed: '40 km/h' }, 40, false],
    ['N mph', { highway: 'primary', maxspeed: '20 mph' }, 20 * 1.609344, false],
    ['Nmph', { highway: 'primary', maxspeed: '25mph' }, 25 * 1.609344, false],
    ['several values: the largest', { highway: 'primary', maxspeed: '30;50 km/h;20 mph' }, 50, false],
    ['walk', { highway: 'residential', maxspeed: 'walk' }, 7, false],
    ['none', { highway: 'primary', maxspeed: 'none' }, 130, false],
    ['XX:living_street', { highway: 'residential', maxspeed: 'DE:living_street' }, 7, false],
    ['XX:zone20', { highway: 'residential', maxspeed: 'DE:zone20' }, 20, false],
    ['XX:zone:20', { highway: 'residential', maxspeed: 'DE:zone:20' }, 20, false],
    ['XX:zone30', { highway: 'residential', maxspeed: 'DE:zone30' }, 30, false],
    ['XX:zone:30', { highway: 'residential', maxspeed: 'FR:zone:30' }, 30, false],
    ['XX:urban', { highway: 'primary', maxspeed: 'RU:urban' }, 50, false],
    ['XX:rural', { highway: 'primary', maxspeed: 'AT:rural' }, 90, false],
    ['XX:motorway', { highway: 'primary', maxspeed: 'DE:motorway' }, 130, false],
    ['anything else takes the class default', { highway: 'primary', maxspeed: 'signals' }, 50, true],
  ])('%s', (_name, props, kmh, assumed) => {
    const r = readSpeed(props, P);
    expect(r.kmh).toBeCloseTo(kmh, 9);
    expect(r.assumed).toBe(assumed);
  });

  it.each([
    ['motorway', 120], ['trunk', 90], ['primary', 50], ['secondary', 50], ['tertiary', 50], ['unclassified', 50], ['road', 50],
    ['residential', 30], ['service', 20], ['living_street', 7], ['track', 30],
    ['primary_link', 50], ['trunk_link', 90], ['motorway_link', 120], ['tertiary_link', 50],
    ['bus_stop (unknown class reads as road)', 50],
  ])('no tag: class default of %s', (highway, kmh) => {
    const r = readSpeed({ highway: highway.split(' ')[0] }, P);
    expect(r).toEqual({ kmh, assumed: true });
  });
});

describe('lanes', () => {
  it.each([
    ['a whole number ≥ 1', { highway: 'primary', lanes: '3' }, 3],
    ['the importer\'s number', { highway: 'residential', lanes: 5 }, 5],
    ['0 is not ≥ 1: default', { highway: 'primary', lanes: '0' }, 2],
    ['not a whole number: default', { highway: 'primary', lanes: '2.5' }, 2],
    ['several values: default', { highway: 'secondary', lanes: '2;3' }, 2],
    ['none on motorway: 4', { highway: 'motorway' }, 4],
    ['none on trunk: 4', { highway: 'trunk' }, 4],
    ['none on trunk_link: 4', { highway: 'trunk_link' }, 4],
    ['none elsewhere: 2', { highway: 'primary' }, 2],
  ])('%s', (_name, props, lanes) => expect(readLanes(props, P)).toBe(lanes));
});

describe('sidewalk', () => {
  it.each([
    ['sidewalk=both', { sidewalk: 'both' }, 'present'],
    ['sidewalk=left', { sidewalk: 'left' }, 'present'],
    ['sidewalk=right', { sidewalk: 'right' }, 'present'],
    ['sidewalk=yes', { sidewalk: 'yes' }, 'present'],
    ['sidewalk=separate', { sidewalk: 'separate' }, 'present'],
    ['sidewalk:both=yes', { 'sidewalk:both': 'yes' }, 'present'],
    ['sidewalk:left=separate', { 'sidewalk:left': 'separate' }, 'present'],
    ['sidewalk:right=yes', { 'sidewalk:right': 'yes', 'sidewalk:left': 'no' }, 'present'],
    ['sidewalk=no', { sidewalk: 'no' }, 'absent'],
    ['sidewalk=none', { sidewalk: 'none' }, 'absent'],
    ['sidewalk:both=no', { 'sidewalk:both': 'no' }, 'absent'],
    ['sidewalk:left=no and sidewalk:right=no', { 'sidewalk:left': 'no', 'sidewalk:right': 'no' }, 'absent'],
    ['only sidewalk:left=no', { 'sidewalk:left': 'no' }, 'unknown'],
    ['no tag', {}, 'unknown'],
    ['an unusual value', { sidewalk: 'maybe' }, 'unknown'],
  ])('%s', (_name, props, expected) => expect(readSidewalk(props)).toBe(expected));
});
