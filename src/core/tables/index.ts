export * from './location';
export * from './homes';
export * from './facilities';
export * from './units';
