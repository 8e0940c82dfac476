export * from './isochrones';
export { reachableIntervals, reachablePieces } from './reachable-segments';
export { traceCells, type CellGrid } from './trace-cells';
