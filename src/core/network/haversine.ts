import { EARTH_RADIUS_M } from '../model';

const RAD = Math.PI / 180;

/** Great-circle distance in metres on the contract's sphere (radius EARTH_RADIUS_M). */
export function haversineM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Metres per degree of latitude on the contract's sphere (the local equirectangular frame's y scale). */
export const METERS_PER_DEGREE = EARTH_RADIUS_M * RAD;
