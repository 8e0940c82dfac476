import { describe, expect, it } from 'vitest';
import { createIoService } from '../../../src/core/io/io-service';
import { readLayer } from '../../../src/core/io/read-layer';
import type { Progress } from '../../../src/core/jobs';
import { errorOf, fixtureBytes, hasShared, layerOf, loadBytes, loadFixture, README_COUNTS, sharedBytes } from './helpers';

describe.skipIf(!hasShared)('readLayer on the real OSM layers', () => {
  for (const [layer, count] of Object.entries(README_COUNTS)) {
    for (const ext of ['geojson', 'fgb']) {
      it(`${layer}.${ext} has the README's ${count} features`, async () => {
        const l = layerOf(await loadBytes(`${layer.split('/')[1]}.${ext}`, sharedBytes(`${layer}.${ext}`)));
        expect(l.featureCount).toBe(count);
        expect(l.data.features).toHaveLength(count);
      });
    }
  }

  it('FlatGeobuf and GeoJSON copies of a layer give the same features', async () => {
    const a = layerOf(await loadBytes('roads.fgb', sharedBytes('monaco/roads.fgb')));
    const b = layerOf(await loadBytes('roads.geojson', sharedBytes('monaco/roads.geojson')));
    const key = (f: { properties: Record<string, unknown> | null }) => String(f.properties?.osm_id);
    const byId = new Map(b.data.features.map((f) => [key(f), f]));
    for (const f of a.data.features) {
      const g = byId.get(key(f));
      expect(g?.geometry).toEqual(f.geometry);
      expect(g?.properties?.highway).toBe(f.properties?.highway);
    }
    expect(a.bbox).toEqual(b.bbox);
  });

  it('stays inside the Monaco extent stated by the data (about 7.40–7.44 E, 43.72–43.76 N)', async () => {
    const l = layerOf(await loadBytes('roads.fgb', sharedBytes('monaco/roads.fgb')));
    const [minX, minY, maxX, maxY] = l.bbox!;
    expect(minX).toBeGreaterThan(7.39);
    expect(maxX).toBeLessThan(7.45);
    expect(minY).toBeGreaterThan(43.71);
    expect(maxY).toBeLessThan(43.76);
  });
});

describe('format choice: magic bytes before extension', () => {
  it('a PNG named .geojson is not a geographic file, not a JSON error', async () => {
    const e = errorOf(await loadFixture('png-named.geojson'));
    expect(e).toEqual({ code: 'error.io.not-geographic', params: { file: 'png-named.geojson', detected: 'png' } });
  });

  it('GeoJSON named .txt is still read as GeoJSON', async () => {
    const l = layerOf(await loadBytes('export.txt', fixtureBytes('points.geojson')));
    expect(l.featureCount).toBe(3);
  });

  it('a FlatGeobuf named .geojson is read as FlatGeobuf', async () => {
    if (!hasShared) return;
    const l = layerOf(await loadBytes('facilities.geojson', sharedBytes('monaco/facilities.fgb')));
    expect(l.featureCount).toBe(4);
  });

  it('binary junk is not geographic', async () => {
    expect(errorOf(await loadFixture('junk.bin')).code).toBe('error.io.not-geographic');
  });

  it('a bare .shp asks for the zip', async () => {
    const shp = new Uint8Array(100);
    shp.set([0, 0, 0x27, 0x0a]);
    expect(errorOf(await loadBytes('roads.shp', shp)).code).toBe('error.io.shp-needs-zip');
  });

  it('KML is named as an unsupported format', async () => {
    const kml = new TextEncoder().encode('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"></kml>');
    expect(errorOf(await loadBytes('a.kml', kml))).toEqual({ code: 'error.io.unsupported-format', params: { file: 'a.kml', format: 'kml' } });
  });

  it('gzipped GeoJSON is unpacked and read', async () => {
    const { gzipSync } = await import('fflate');
    const l = layerOf(await loadBytes('points.geojson.gz', gzipSync(fixtureBytes('points.geojson'))));
    expect(l.featureCount).toBe(3);
    expect(l.fileName).toBe('points.geojson');
  });

  it('no bytes and no blob is a clear error', async () => {
    expect(errorOf(await readLayer({ fileName: 'x.geojson' }, {})).code).toBe('error.io.no-source');
  });
});

describe.skipIf(!hasShared)('OpenStreetMap extracts go to the OSM importer', () => {
  it('monaco.osm.gz comes back as several layers, streets among them', async () => {
    const r = await loadBytes('monaco.osm.gz', sharedBytes('osm/monaco.osm.gz'));
    const layers = r.ok ? r.value : [];
    expect(layers.length).toBeGreaterThan(1);
    expect(layers.some((l) => l.roleGuess === 'streets' && l.geometryKind === 'line')).toBe(true);
  });
});

describe('Blob and bytes give the same answer', () => {
  it('reads a GeoJSON Blob', async () => {
    const blob = new Blob([fixtureBytes('points.geojson')]);
    const l = layerOf(await readLayer({ fileName: 'points.geojson', blob }, {}));
    expect(l.data.features.map((f) => f.properties?.name)).toEqual(['A', 'B', 'C']);
  });
});

describe('createIoService', () => {
  it('loads with the job id on every progress report', async () => {
    const io = createIoService();
    const seen: Progress[] = [];
    const r = await io.load('job-1', { fileName: 'points.geojson', bytes: fixtureBytes('points.geojson') }, {}, (p) => seen.push(p));
    expect(layerOf(r).featureCount).toBe(3);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.jobId === 'job-1')).toBe(true);
  });

  it('cancel(jobId) stops a running load with the cancelled code', async () => {
    const io = createIoService();
    // The reader yields at every progress report, which is when cancellation is seen.
    const features = Array.from({ length: 60_000 }, (_, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [i / 1e4, 1] } }));
    const bytes = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
    const p = io.load('big', { fileName: 'big.geojson', bytes }, {}, (pr) => {
      if (pr.detail?.features) io.cancel('big');
    });
    expect(errorOf(await p).code).toBe('cancelled');
    io.cancel('no-such-job');
  });
});
