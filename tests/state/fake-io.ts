/** An in-process IoApi for store tests: JSON bytes become one layer, anything else a bad-input error. */
import type { FeatureCollection } from 'geojson';
import type { IoApi, LoadedLayer } from '../../src/protocol/io-api';

export function layerFrom(fileName: string, data: FeatureCollection): LoadedLayer {
  return {
    name: fileName.replace(/\.[^.]+$/, ''),
    fileName,
    data,
    geometryKind: 'point',
    bbox: [0, 0, 1, 1],
    featureCount: data.features.length,
    fieldNames: Object.keys(data.features[0]?.properties ?? {}),
    roleGuess: fileName.includes('facilit') ? 'facilities' : 'other',
    categoryGuess: fileName.includes('playground') ? 'playground' : undefined,
    warnings: [],
  };
}

export function fakeIo(): IoApi & { cancelled: string[] } {
  const cancelled: string[] = [];
  return {
    cancelled,
    async load(jobId, source, _options, onProgress) {
      onProgress({ jobId, stage: 'progress.parsing', fraction: 0.5 });
      const text = new TextDecoder().decode(source.bytes ?? new Uint8Array());
      if (cancelled.includes(jobId)) return { ok: false, error: { code: 'cancelled' } };
      try {
        return { ok: true, value: [layerFrom(source.fileName, JSON.parse(text) as FeatureCollection)] };
      } catch {
        return { ok: false, error: { code: 'bad-json', params: { file: source.fileName } } };
      }
    },
    cancel(jobId) {
      cancelled.push(jobId);
    },
  };
}

export const fc = (n: number): FeatureCollection => ({
  type: 'FeatureCollection',
  features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [i, i] }, properties: { name: `f${i}` } })),
});

export const bytesOf = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
