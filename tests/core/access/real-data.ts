/** Loads the shared real OSM layers (never copied into the repo) as typed location arrays. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { locationOf } from '../../../src/core/network';
import { SHARED_DATA } from '../../shared-data';


export function loadLayer(city: string, layer: string): FeatureCollection {
  return JSON.parse(readFileSync(path.join(SHARED_DATA, city, `${layer}.geojson`), 'utf8')) as FeatureCollection;
}

export function locations(fc: FeatureCollection): { lng: Float64Array; lat: Float64Array; points: number[][] } {
  const points = fc.features.map((f) => [...(locationOf(f.geometry) ?? [NaN, NaN])]);
  return { lng: Float64Array.from(points.map((p) => p[0]!)), lat: Float64Array.from(points.map((p) => p[1]!)), points };
}
