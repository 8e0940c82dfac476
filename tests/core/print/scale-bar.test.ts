/** The scale bar against distances worked out by hand and by the haversine formula (no code shared with the module). */
import { describe, expect, it } from 'vitest';
import { metersPerPixel, metersPerPixelAtScale, niceFloor, pageLayout, scaleBar, scaleDenominator } from '../../../src/core/print';

/** Great-circle distance on the WGS 84 equatorial sphere, metres. */
function haversine(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const a = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lon2 - lon1) / 2) ** 2;
  return 2 * 6378137 * Math.asin(Math.sqrt(a));
}

describe('1-2-5 series', () => {
  it.each([[1564.19, 1000], [2000, 2000], [4999.999999999, 5000], [0.37, 0.2], [9.99, 5], [10, 10], [199, 100]])('%d → %d', (x, want) => {
    expect(niceFloor(x)).toBeCloseTo(want, 9);
  });
});

describe('metres per pixel', () => {
  it('Web Mercator at the equator, zoom 0, 512 px tiles: the equator 40 075 016.686 m over 512 px', () => {
    expect(metersPerPixel(0, 0)).toBeCloseTo(40075016.686 / 512, 3);
  });
  it('Shenzhen (22.54° N), zoom 15: 40 075 016.686 × cos 22.54° / 16 777 216 = 2.2062 m', () => {
    expect(metersPerPixel(22.54, 15)).toBeCloseTo(2.2062, 4);
  });
  it('a map at 1 : 10 000 printed at 300 dpi has 0.8467 m a pixel, and back', () => {
    expect(metersPerPixelAtScale(10000, 300)).toBeCloseTo(0.846667, 6);
    expect(scaleDenominator(0.846667, 300)).toBeCloseTo(10000, 0);
  });
});

describe('scale bar', () => {
  const maxPx = pageLayout({ paper: 'A4', orientation: 'portrait', dpi: 300 }).scaleBar.px.width;

  it('the scale-bar frame is 60 mm = 709 px at 300 dpi', () => expect(maxPx).toBe(709));

  it('zoom 15 at 22.54° N: at most 709 px × 2.2062 m = 1564 m → a 1 km bar of 453 px, true to the haversine distance ±2 %', () => {
    const r = scaleBar(metersPerPixel(22.54, 15), maxPx);
    if (!r.ok) throw new Error(r.code);
    expect(r.bar).toMatchObject({ meters: 1000, value: 1, unit: 'km', lengthPx: 453 });
    // The bar drawn along the centre parallel: 453 px of a 512 × 2^15 px world, in degrees of longitude.
    const dLon = (453 * 360) / (512 * 2 ** 15);
    const ground = haversine(114.06, 22.54, 114.06 + dLon, 22.54);
    expect(Math.abs(ground / 1000 - 1)).toBeLessThan(0.02);
    expect(Math.abs(r.bar.error)).toBeLessThan(0.02);
  });

  it('1 : 10 000 at 300 dpi: 709 px × 0.8467 m = 600 m → a 500 m bar of 591 px', () => {
    const r = scaleBar(metersPerPixelAtScale(10000, 300), maxPx);
    if (!r.ok) throw new Error(r.code);
    expect(r.bar).toMatchObject({ meters: 500, value: 500, unit: 'm', lengthPx: 591 });
  });

  it('true to ±2 % at every latitude and zoom a city map uses (against haversine on the centre parallel)', () => {
    for (let lat = -60; lat <= 70; lat += 6.5) {
      for (let zoom = 10; zoom <= 19; zoom += 0.25) {
        for (const maxLen of [100, 354, 709]) {
          const r = scaleBar(metersPerPixel(lat, zoom), maxLen);
          if (!r.ok) throw new Error(`${lat} ${zoom}: ${r.code}`);
          expect(r.bar.lengthPx).toBeLessThanOrEqual(maxLen);
          expect([1, 2, 5]).toContain(Number((r.bar.meters / 10 ** Math.floor(Math.log10(r.bar.meters))).toFixed(6)));
          const dLon = (r.bar.lengthPx * 360) / (512 * 2 ** zoom);
          const ground = haversine(0, lat, dLon, lat);
          expect(Math.abs(ground / r.bar.meters - 1)).toBeLessThan(0.02);
        }
      }
    }
  });

  it('refuses a frame too short to be true to 2 %', () => {
    expect(scaleBar(2, 20)).toMatchObject({ ok: false, code: 'print.scale-bar-too-short' });
  });
});
