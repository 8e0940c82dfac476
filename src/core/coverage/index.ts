export * from './id-order';
export * from './unit-locator';
export * from './shares';
export * from './rows';
export * from './level-index';
export * from './unit-shares';
