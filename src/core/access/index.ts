export * from './multi-source';
export * from './category-access';
export * from './explain';
export * from './walking-time';
