/** Data export: results as named layers, and the layers as GeoJSON, FlatGeobuf, CSV and GeoPackage files. */
export * from './result-layers';
export * from './layer-csv';
export * from './formats';
export * from './data-zip';
export * from './zip-entry';
export * from './input-layers';
export * from './manifest';
export * from './safe-route-layers';
