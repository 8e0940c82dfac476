/** Print layout, pure: page geometry, the map size check, scale bar, legend, table pagination, atlas planning. */
export * from './codes';
export * from './paper';
export * from './frame';
export * from './page-layout';
export * from './canvas-limit';
export * from './scale-bar';
export * from './legend';
export * from './paginate';
export * from './atlas';
