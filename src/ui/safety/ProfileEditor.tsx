/** A few numbers of the document's safe-routes profile: the maximum school walk and the crossing penalties (each Apply one undo step). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { docSafetyProfile } from '../../state';
import { useAppState } from '../store-context';

export function ProfileEditor() {
  const { t } = useTranslation();
  const profile = useAppState((s) => docSafetyProfile(s.doc));
  const refusal = useAppState((s) => s.safety.refusal);
  const edit = useAppState((s) => s.editSafetyProfile);
  const reset = useAppState((s) => s.resetSafetyProfile);
  const ranWith = useAppState((s) => s.safety.result?.maxSchoolWalkM);
  const [draft, setDraft] = useState<{ key: unknown; walk: string; pen: string[] }>({ key: null, walk: '', pen: [] });
  // The fields follow the document (undo, reset) until the user types.
  const current = draft.key === profile ? draft : { key: profile, walk: String(profile.route.maxSchoolWalkM), pen: profile.cost.penaltyM.map(String) };

  function apply(e: FormEvent) {
    e.preventDefault();
    const p = current.pen.map(Number) as [number, number, number, number];
    if (edit({ maxSchoolWalkM: Number(current.walk), penaltyM: p })) setDraft({ key: null, walk: '', pen: [] });
  }
  const issue = refusal?.[0];
  return (
    <form className="safety-profile" onSubmit={apply} data-testid="safety-profile">
      <h3>{t('safety.profile.title', { id: profile.id })}</h3>
      <label>{t('safety.profile.maxWalk')}
        <input type="number" min={0} step={100} value={current.walk} onChange={(e) => setDraft({ ...current, walk: e.target.value })} />
      </label>
      {[2, 3, 4].map((plts) => (
        <label key={plts}>{t('safety.profile.penalty', { plts })}
          <input type="number" step={5} value={current.pen[plts - 1] ?? ''}
            onChange={(e) => setDraft({ ...current, pen: current.pen.map((v, i) => (i === plts - 1 ? e.target.value : v)) })} />
        </label>
      ))}
      <div className="analysis-run-buttons">
        <button type="submit">{t('safety.profile.apply')}</button>
        <button type="button" onClick={reset}>{t('safety.profile.reset')}</button>
      </div>
      {issue && <p className="analysis-error" role="alert">{t('safety.profile.refused', { path: issue.path.join('.'), issue: issue.code })}</p>}
      {ranWith !== undefined && ranWith !== profile.route.maxSchoolWalkM && <p className="analysis-stale">{t('safety.profile.rerun')}</p>}
    </form>
  );
}
