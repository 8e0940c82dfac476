import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeBasemapUrl, settingsActions } from '../state';
import { hostOf } from './BasemapConsent';
import { useAppState } from './store-context';

/** Offline by default; a remote style URL is the user's explicit choice to let requests leave the machine. */
export function BasemapSettings() {
  const { t } = useTranslation();
  const current = useAppState((s) => s.doc.settings.basemapStyleUrl);
  const commit = useAppState((s) => s.commit);
  const active = useAppState(activeBasemapUrl);
  const answer = useAppState((s) => s.answerBasemap);
  const [draft, setDraft] = useState(current ?? '');
  const valid = draft === '' || URL.canParse(draft);
  return (
    <details className="panel basemap-settings">
      <summary>{t('basemap.title')}</summary>
      <p className="hint">{active ? t('basemap.remoteNote', { url: active }) : t('basemap.offlineNote')}</p>
      {current && !active && (
        <p className="hint basemap-not-loaded">
          {t('basemap.notLoaded', { host: hostOf(current) })}{' '}
          <button type="button" onClick={() => answer(current, true)}>{t('basemap.consent.load')}</button>
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          // Typing the URL and choosing Use is the user's consent for this session.
          if (draft) answer(draft, true);
          commit(settingsActions.setBasemapStyleUrl, { url: draft });
        }}
      >
        <label htmlFor="basemap-url">{t('basemap.url')}</label>
        <input id="basemap-url" type="url" value={draft} placeholder="https://…/style.json" aria-invalid={!valid}
          onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" disabled={!valid}>{t('basemap.apply')}</button>
        <button type="button" disabled={!current}
          onClick={() => {
            setDraft('');
            commit(settingsActions.setBasemapStyleUrl, { url: undefined });
          }}>{t('basemap.offline')}</button>
      </form>
    </details>
  );
}
