/// <reference types="vite/client" />

/** Font files for MapLibre `font-faces`, from the cfc-font-faces plugin in vite.config.ts. */
declare module 'virtual:font-faces' {
  const faces: readonly { readonly file: string; readonly range: readonly string[] }[];
  export default faces;
}
