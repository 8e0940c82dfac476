import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../src/app/url-hash';

describe('URL hash', () => {
  it('round-trips a view in openstreetmap.org form', () => {
    expect(formatHash({ zoom: 16, lat: 22.55398, lng: 114.05373 })).toBe('#map=16/22.5540/114.0537');
    expect(formatHash({ zoom: 13.5612, lat: 22.5, lng: 114 })).toBe('#map=13.56/22.5000/114.0000');
    expect(parseHash('#map=16/22.5540/114.0537')).toEqual({ zoom: 16, lat: 22.554, lng: 114.0537 });
  });

  it('ignores hashes that are not views or are out of range', () => {
    expect(parseHash('')).toBeNull();
    expect(parseHash('#map=99/0/0')).toBeNull();
    expect(parseHash('#map=3/95/0')).toBeNull();
    expect(parseHash('#map=abc')).toBeNull();
  });
});
