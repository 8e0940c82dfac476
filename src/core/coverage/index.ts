export * from './id-order';
export * from './point-in-polygon';
export * from './unit-locator';
export * from './shares';
export * from './rows';
export * from './banded-polygon';
