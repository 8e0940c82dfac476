import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, BUILTIN_CATEGORIES, UNIT_LEVELS } from '../../core/model';
import { SEVERITIES, SOURCE_STATUSES, type RuleInput } from '../../core/rules';
import { useAppState } from '../store-context';
import { Refusal } from './Refusal';

const KINDS = ['share_within', 'worst_distance', 'presence', 'facility_count'] as const;

/** A small form for a new rule; the core validates it, and a refusal shows its reasons here. */
export function RuleForm({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const addRule = useAppState((s) => s.rules.addRule);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    const kind = s('kind') as (typeof KINDS)[number];
    const category = s('category');
    const band = s('ageBand');
    const metric = kind === 'share_within' ? { kind, category, age_band: band, threshold_m: Number(s('threshold')) }
      : kind === 'worst_distance' ? { kind, category, age_band: band } : { kind, category };
    const share = kind === 'share_within';
    const year = s('year');
    const rule = {
      id: s('id'), scale: s('scale'), title: { en: s('titleEn'), zh: s('titleZh') }, metric,
      target: share ? Number(s('target')) / 100 : Number(s('target')), severity: s('severity'),
      source: { document: s('document'), ...(year ? { year: Number(year) } : {}), clause: s('clause'), confirmed: s('status') },
    } as unknown as RuleInput; // the core validates every field and refuses with reasons
    if (addRule(rule)) onClose();
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
        <select name="kind">{KINDS.map((k) => <option key={k} value={k}>{t(`rules.metric.${k}`)}</option>)}</select>
      </label>
      <label>{t('rulesUi.add.category')}
        <select name="category">{BUILTIN_CATEGORIES.map((c) => <option key={c.id} value={c.id}>{t(`category.${c.id}`)}</option>)}</select>
      </label>
      <label>{t('rulesUi.add.ageBand')}
        <select name="ageBand" defaultValue="all">
          <option value="all">{t('rules.ageBand.all')}</option>
          {AGE_BANDS.map((b) => <option key={b} value={b}>{b}</option>)}
        </select>
      </label>
      <label>{t('rulesUi.threshold')}<input name="threshold" type="number" step="any" defaultValue={300} /></label>
      <label>{t('rulesUi.target')}<input name="target" type="number" step="any" defaultValue={80} /></label>
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
