/**
 * A project may name a remote basemap style (doc.settings.basemapStyleUrl), but nothing is fetched from
 * it until the user says yes in this session: the map draws `activeBasemapUrl` (a consented URL, else the
 * offline basemap) and the UI asks `basemapQuestion`. Typing a URL in the basemap settings is consent.
 * A style that fails to load is declined again, so the map falls back to the offline basemap.
 * Session only: never saved, so a reopened project asks again.
 */
import type { SliceCreator } from './slice';
import type { AppState } from './types';

export interface BasemapConsentSlice {
  /** Remote style URLs the user agreed to load in this session. */
  readonly basemapAllowed: readonly string[];
  /** Remote style URLs the user kept offline (or that failed) in this session. */
  readonly basemapDeclined: readonly string[];
  answerBasemap(url: string, load: boolean): void;
}

export const createBasemapConsentSlice = (): SliceCreator<BasemapConsentSlice> => (set) => ({
  basemapAllowed: [],
  basemapDeclined: [],
  answerBasemap: (url, load) =>
    set((s) => ({
      basemapAllowed: load ? [...s.basemapAllowed.filter((u) => u !== url), url] : s.basemapAllowed.filter((u) => u !== url),
      basemapDeclined: load ? s.basemapDeclined.filter((u) => u !== url) : [...s.basemapDeclined.filter((u) => u !== url), url],
    })),
});

/** The remote style the map may load now, or undefined for the offline basemap. */
export function activeBasemapUrl(s: Pick<AppState, 'doc' | 'basemapAllowed'>): string | undefined {
  const url = s.doc.settings.basemapStyleUrl;
  return url && s.basemapAllowed.includes(url) ? url : undefined;
}

/** The remote style the user has not answered for yet (the consent dialog asks), or null. */
export function basemapQuestion(s: Pick<AppState, 'doc' | 'basemapAllowed' | 'basemapDeclined'>): string | null {
  const url = s.doc.settings.basemapStyleUrl;
  return url && !s.basemapAllowed.includes(url) && !s.basemapDeclined.includes(url) ? url : null;
}
