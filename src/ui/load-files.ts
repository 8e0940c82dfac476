import type { AppStore } from '../state';

/**
 * Files the user picked or dropped go to the io worker as Blobs; parsing never happens here. The import
 * flow asks whether to replace the demo city when it is loaded (src/state/project-slice), then
 * (src/state/import-slice) asks for OSM options first and opens the field mapping after other loads.
 */
export function loadUserFiles(store: AppStore, files: FileList | readonly File[]): Promise<string[]> {
  const sources = Array.from(files, (f) => ({ fileName: f.name, blob: f }));
  return sources.length ? store.getState().requestImport(sources) : Promise.resolve([]);
}
