import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, DEFAULT_WALK_SPEED_MPS } from '../../core/model';
import { analysisActions, presentCategories } from '../../state';
import { useAppState } from '../store-context';
import { categoryLabel, speedFor } from './format';

const onEnter = (e: KeyboardEvent<HTMLInputElement>) => e.key === 'Enter' && e.currentTarget.blur();

/** Categories, thresholds (m or minutes), age-band speeds and max snap; edits are undoable where saved. */
export function AnalysisSettings() {
  const { t } = useTranslation();
  const present = useAppState(presentCategories);
  const chosen = useAppState((s) => s.analysis.categories);
  const settings = useAppState((s) => s.doc.settings);
  const display = useAppState((s) => s.analysis.display);
  const commit = useAppState((s) => s.commit);
  const setCategories = useAppState((s) => s.setAnalysisCategories);
  const setDisplay = useAppState((s) => s.setAnalysisDisplay);
  const [draft, setDraft] = useState('');
  const unit = display.thresholdUnit;
  const speed = speedFor(settings.walkSpeedsMps, display);
  // Thresholds are saved in metres; minutes are converted at the shown band's speed.
  const toShown = (m: number) => (unit === 'm' ? String(m) : (m / speed / 60).toFixed(1));
  const toM = (v: string) => (unit === 'm' ? Number(v) : Math.round(Number(v) * 60 * speed));
  const setThresholds = (thresholdsM: number[]) => commit(analysisActions.setThresholds, { thresholdsM });
  const isOn = (c: string) => !chosen || chosen.includes(c);
  const toggle = (c: string) => setCategories(present.filter((x) => (x === c ? !isOn(c) : isOn(x))));

  return (
    <details className="analysis-settings" open>
      <summary>{t('analysis.settings')}</summary>
      <fieldset>
        <legend>{t('analysis.categories')}</legend>
        {present.length === 0 && <p>{t('analysis.noFacilities')}</p>}
        {present.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" checked={isOn(c)} onChange={() => toggle(c)} /> {categoryLabel(t, c)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('analysis.thresholds')}</legend>
        <label className="inline">
          {t('analysis.thresholdUnit')}{' '}
          <select value={unit} onChange={(e) => setDisplay({ thresholdUnit: e.target.value as 'm' | 'min' })}>
            <option value="m">{t('analysis.unit.m')}</option>
            <option value="min">{t('analysis.unit.min')}</option>
          </select>
        </label>
        {unit === 'min' && <p className="note">{t('analysis.minutesAt', { band: display.ageBand === 'all' ? t('analysis.allAges') : display.ageBand, speed })}</p>}
        <ul className="analysis-thresholds">
          {settings.thresholdsM.map((m, i) => (
            <li key={`${m}-${unit}`}>
              <input type="number" min={0} step="any" defaultValue={toShown(m)} aria-label={t('analysis.thresholdValue', { n: i + 1 })} onKeyDown={onEnter}
                onBlur={(e) => setThresholds(settings.thresholdsM.map((x, j) => (j === i ? toM(e.target.value) : x)))} />
              <button type="button" disabled={settings.thresholdsM.length === 1} aria-label={t('analysis.removeThreshold', { value: toShown(m) })}
                onClick={() => setThresholds(settings.thresholdsM.filter((_, j) => j !== i))}>×</button>
            </li>
          ))}
        </ul>
        <form className="inline" onSubmit={(e) => {
          e.preventDefault();
          if (Number(draft) > 0) setThresholds([...settings.thresholdsM, toM(draft)]);
          setDraft('');
        }}>
          <input type="number" min={0} step="any" value={draft} onChange={(e) => setDraft(e.target.value)} aria-label={t('analysis.addThreshold')} />
          <button type="submit">{t('analysis.add')}</button>
        </form>
      </fieldset>
      <fieldset>
        <legend>{t('analysis.speeds')}</legend>
        <p className="note">{t('analysis.speedsNote')}</p>
        <div className="analysis-speeds">
          {AGE_BANDS.map((b) => (
            <label key={`${b}-${settings.walkSpeedsMps?.[b] ?? 'd'}`}>
              {b}
              <input type="number" min={0.1} max={5} step={0.05} defaultValue={settings.walkSpeedsMps?.[b] ?? DEFAULT_WALK_SPEED_MPS[b]}
                aria-label={t('analysis.speedOf', { band: b })} onKeyDown={onEnter}
                onBlur={(e) => commit(analysisActions.setWalkSpeed, { band: b, mps: Number(e.target.value) })} />
            </label>
          ))}
        </div>
      </fieldset>
      <label className="analysis-snap" key={settings.maxSnapM}>
        {t('analysis.maxSnap')}
        <input type="number" min={1} max={5000} defaultValue={settings.maxSnapM} onKeyDown={onEnter}
          onBlur={(e) => commit(analysisActions.setMaxSnap, { maxSnapM: Number(e.target.value) })} />
      </label>
      <p className="note">{t('analysis.maxSnapNote')}</p>
    </details>
  );
}
