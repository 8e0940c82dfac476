export * from './flat-polygon';
export * from './banded-polygon';
export * from './point-in-ring';
