export * from './location';
export * from './homes';
export * from './facilities';
export * from './units';
export * from './geometry-columns';
export * from './tag-columns';
export * from './streets';
export * from './layer-table';
