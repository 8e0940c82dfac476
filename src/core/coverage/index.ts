export * from './id-order';
export * from './unit-locator';
export * from './shares';
export * from './rows';
