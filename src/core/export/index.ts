/** Data export: results as named layers, and the layers as GeoJSON, FlatGeobuf, CSV and GeoPackage files. */
export * from './result-layers';
export * from './layer-csv';
export * from './formats';
