import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_LEVELS } from '../../core/model';
import { citation, isShareMetric, type Rule } from '../../core/rules';
import { currentRuleSet } from '../../state';
import { useAppState } from '../store-context';
import { ruleTarget } from './format';
import { Refusal } from './Refusal';
import { RuleForm } from './RuleForm';

/** The current set's rules by scale: title, metric and target, severity, source; enable, edit, add. */
export function RuleList() {
  const { t } = useTranslation();
  const set = useAppState(currentRuleSet);
  const [adding, setAdding] = useState(false);
  if (!set) return null;
  return (
    <div className="rules-list">
      {UNIT_LEVELS.map((scale) => {
        const rules = set.rules.filter((r) => r.scale === scale);
        if (rules.length === 0) return null;
        return (
          <section key={scale} aria-labelledby={`rules-scale-${scale}`}>
            <h3 id={`rules-scale-${scale}`}>{t(`rules.scale.${scale}`)}</h3>
            <ul>{rules.map((r) => <RuleItem key={r.id} rule={r} />)}</ul>
          </section>
        );
      })}
      {adding ? <RuleForm onClose={() => setAdding(false)} /> : (
        <button type="button" onClick={() => setAdding(true)}>{t('rulesUi.add.open')}</button>
      )}
    </div>
  );
}

function RuleItem({ rule }: { readonly rule: Rule }) {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.language);
  const editRule = useAppState((s) => s.rules.editRule);
  const share = isShareMetric(rule.metric.kind);
  const threshold = 'threshold_m' in rule.metric ? rule.metric.threshold_m : undefined;
  const title = rule.title[lang];

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const target = Number(form.get('target'));
    const patch: Parameters<typeof editRule>[1] = { target: share ? target / 100 : target };
    const m = Number(form.get('threshold'));
    if (threshold !== undefined && form.get('threshold') !== null) Object.assign(patch, { metric: { ...rule.metric, threshold_m: m } });
    editRule(rule.id, patch);
  }

  return (
    <li className={rule.enabled ? 'rule' : 'rule disabled'} data-rule-id={rule.id} aria-label={title}>
      <div className="rule-head">
        <input type="checkbox" checked={rule.enabled} aria-label={t('rulesUi.enabled', { rule: title })}
          onChange={(e) => editRule(rule.id, { enabled: e.target.checked })} />
        <span className="rule-title">{title}</span>
        <span className={`severity severity-${rule.severity}`}>{t(`rules.severity.${rule.severity}`)}</span>
      </div>
      <div className="rule-meta">
        {t(`rules.metric.${rule.metric.kind}`)} <strong className="rule-target">{ruleTarget(t, rule, lang)}</strong>
      </div>
      <div className="rule-source">{t('rulesUi.sourceLine', { source: citation(rule.source), status: t(`rules.status.${rule.source.confirmed}`) })}</div>
      <form className="rule-edit" onSubmit={submit}>
        {threshold !== undefined && (
          <label>{t('rulesUi.threshold')}
            <input name="threshold" type="number" step="any" defaultValue={threshold} key={`th-${threshold}`} />
          </label>
        )}
        <label>{share ? t('rulesUi.targetPct') : t('rulesUi.target')}
          <input name="target" type="number" step="any" defaultValue={share ? round(rule.target * 100) : rule.target} key={`tg-${rule.target}`} />
        </label>
        <button type="submit" aria-label={`${t('rulesUi.apply')}: ${title}`}>{t('rulesUi.apply')}</button>
      </form>
      <Refusal only="edit" ruleId={rule.id} />
    </li>
  );
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
