/** Project settings edits. */
import { defineAction } from './define';

/** An empty or absent URL means the offline basemap drawn from the loaded layers. */
export const setBasemapStyleUrl = defineAction('settings.basemap', (doc, { url }: { url: string | undefined }) => {
  const next = url?.trim() || undefined;
  if (doc.settings.basemapStyleUrl === next) return doc;
  const { basemapStyleUrl: _old, ...rest } = doc.settings;
  return { ...doc, settings: next ? { ...rest, basemapStyleUrl: next } : rest };
});
