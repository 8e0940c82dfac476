import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, BUILTIN_CATEGORIES, UNIT_LEVELS } from '../../core/model';
import { SEVERITIES, SOURCE_STATUSES } from '../../core/rules';
import { useAppState } from '../store-context';
import { Refusal } from './Refusal';
import { FORM_METRICS, isFormMetric, ruleDraftFromForm, targetInPercent, usesAgeBand, usesCategory, usesThreshold, type FormMetric } from './rule-draft';

/** A small form for a new rule: only the chosen metric's fields; the core validates it, and a refusal shows its reasons here. */
export function RuleForm({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const addRule = useAppState((s) => s.rules.addRule);
  const [kind, setKind] = useState<FormMetric>('share_within');
  const safeRoute = kind === 'safe_route_share';

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    if (addRule(ruleDraftFromForm((k) => String(f.get(k) ?? '').trim()))) onClose();
  }

  return (
    <form className="rule-form" onSubmit={submit} aria-label={t('rulesUi.add.title')}>
      <h3>{t('rulesUi.add.title')}</h3>
      <label>{t('rulesUi.add.id')}<input name="id" required /></label>
      <label>{t('rulesUi.add.scale')}
        <select name="scale" defaultValue="community">{UNIT_LEVELS.map((l) => <option key={l} value={l}>{t(`rules.scale.${l}`)}</option>)}</select>
      </label>
      <label>{t('rulesUi.add.titleEn')}<input name="titleEn" /></label>
      <label>{t('rulesUi.add.titleZh')}<input name="titleZh" /></label>
      <label>{t('rulesUi.add.metric')}
        <select name="kind" value={kind} onChange={(e) => isFormMetric(e.target.value) && setKind(e.target.value)}>
          {FORM_METRICS.map((k) => <option key={k} value={k}>{t(`rules.metric.${k}`)}</option>)}
        </select>
      </label>
      {safeRoute && <p className="muted" data-testid="rule-form-safe-route">{t('rulesUi.add.safeRouteNote')}</p>}
      {usesCategory(kind) && (
        <label>{t('rulesUi.add.category')}
          <select name="category">{BUILTIN_CATEGORIES.map((c) => <option key={c.id} value={c.id}>{t(`category.${c.id}`)}</option>)}</select>
        </label>
      )}
      {usesAgeBand(kind) && (
        // Safe routes to school are about school-age children: 7–12 first.
        <label key={safeRoute ? 'band-school' : 'band'}>{t('rulesUi.add.ageBand')}
          <select name="ageBand" defaultValue={safeRoute ? '7-12' : 'all'}>
            <option value="all">{t('rules.ageBand.all')}</option>
            {AGE_BANDS.map((b) => <option key={b} value={b}>{b}</option>)}
          </select>
        </label>
      )}
      {usesThreshold(kind) && <label>{t('rulesUi.threshold')}<input name="threshold" type="number" step="any" defaultValue={300} /></label>}
      <label>{targetInPercent(kind) ? t('rulesUi.targetPct') : t('rulesUi.target')}
        <input name="target" type="number" step="any" defaultValue={safeRoute ? 90 : 80} key={safeRoute ? 'target-safe' : 'target'} />
      </label>
      <label>{t('rules.column.severity')}
        <select name="severity" defaultValue="minor">{SEVERITIES.map((v) => <option key={v} value={v}>{t(`rules.severity.${v}`)}</option>)}</select>
      </label>
      <label>{t('rulesUi.add.document')}<input name="document" /></label>
      <label>{t('rulesUi.add.year')}<input name="year" type="number" /></label>
      <label>{t('rulesUi.add.clause')}<input name="clause" /></label>
      <label>{t('rulesUi.add.status')}
        <select name="status" defaultValue="R">{SOURCE_STATUSES.map((v) => <option key={v} value={v}>{t(`rules.status.${v}`)}</option>)}</select>
      </label>
      <Refusal only="add" />
      <div className="rule-form-actions">
        <button type="submit">{t('rulesUi.add.submit')}</button>
        <button type="button" onClick={onClose}>{t('rulesUi.add.close')}</button>
      </div>
    </form>
  );
}
