/** Branded units: a number that says what it measures, so metres never mix with seconds or degrees. */
export type Meters = number & { readonly __brand: 'meters' };
export type Seconds = number & { readonly __brand: 'seconds' };
export type MetersPerSecond = number & { readonly __brand: 'm/s' };

/** WGS 84 longitude/latitude in degrees, RFC 7946 order. */
export type LngLat = readonly [lng: number, lat: number];
export type BBox = readonly [minLng: number, minLat: number, maxLng: number, maxLat: number];

export const meters = (n: number): Meters => n as Meters;
export const seconds = (n: number): Seconds => n as Seconds;
export const metersPerSecond = (n: number): MetersPerSecond => n as MetersPerSecond;

/** Mean Earth radius used for every haversine length in the project (access contract). */
export const EARTH_RADIUS_M = 6_371_008.8;
