import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SKETCH_AGE_BANDS, type SketchAgeBand } from '../../core/sketch';
import { ageIcon } from '../../sketch/sketch-icons';
import { useAppState } from '../store-context';
import { Icon } from './Icon';

export const ageLabel = (band: SketchAgeBand): string => band.replace('_', '–');

/** Age band and group, asked once per session; a group is a class or a table, never a person. */
export function SessionChooser({ big = false }: { readonly big?: boolean }) {
  const { t } = useTranslation();
  const chosen = useAppState((s) => s.sketch.sessionChosen);
  const band = useAppState((s) => s.sketch.ageBand);
  const group = useAppState((s) => s.sketch.group);
  const setSession = useAppState((s) => s.setSketchSession);
  const [pick, setPick] = useState<SketchAgeBand | null>(band);
  const [text, setText] = useState(group ?? '');
  if (chosen) {
    return (
      <p className="sketch-session" data-testid="sketch-session">
        {band ? <><Icon id={ageIcon(band)} size={18} className="inline-pic" /> {ageLabel(band)}</> : t('sketch.session.noBand')}{group ? ` · ${group}` : ''}
      </p>
    );
  }
  const cls = big ? 'sketch-btn big' : 'sketch-btn';
  return (
    <section className={big ? 'sketch-session-chooser big' : 'sketch-session-chooser'} aria-labelledby="sketch-session-title" data-testid="sketch-session-chooser">
      <h3 id="sketch-session-title">{t('sketch.session.title')}</h3>
      <div role="group" aria-label={t('sketch.session.age')} className="sketch-ages">
        {SKETCH_AGE_BANDS.map((b) => (
          <button key={b} type="button" className={cls} aria-pressed={pick === b} data-testid={`age-${b}`} onClick={() => setPick(b)}>
            <Icon id={ageIcon(b)} /><span className="word">{ageLabel(b)}</span>
          </button>
        ))}
      </div>
      <label className="sketch-group">
        {t('sketch.session.group')}
        <input type="text" maxLength={40} value={text} placeholder={t('sketch.session.groupHint')} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="button" className={`${cls} primary`} data-testid="sketch-session-go" onClick={() => setSession(pick, text)}>
        <Icon id="start" /><span className="word">{t('sketch.session.start')}</span>
      </button>
    </section>
  );
}
