export * from './types';
export * from './walkability';
export * from './haversine';
export { buildNetwork, DEFAULT_ISLAND_MAX_M, vertexKey } from './build-network';
export * from './snap';
export * from './location';
