import { useTranslation } from 'react-i18next';
import { activeFacilityProposals, proposalsKey } from '../../state/actions/scenario-proposals';
import { checkedRuleSet, jobById } from '../../state';
import { useAppState } from '../store-context';
import { formatError } from '../format-error';
import { categoryWords } from './format';

/** "Check rules" (or rules over the latest analysis run), with progress, cancel, errors and the summary. */
export function CheckBar() {
  const { t, i18n } = useTranslation();
  const job = useAppState((s) => jobById(s, s.rules.job?.id ?? null));
  const error = useAppState((s) => s.rules.error);
  const result = useAppState((s) => s.rules.result);
  const ruleSet = useAppState(checkedRuleSet);
  const hasRun = useAppState((s) => s.analysis.result !== null);
  const stale = useAppState((s) => s.rules.result !== null && s.rules.result.proposals !== proposalsKey(activeFacilityProposals(s.doc)));
  const { checkRules, evaluateLatest, cancelRulesJob } = useAppState((s) => s.rules);
  const stage = job ? t(job.stage, { defaultValue: t('progress.working', { defaultValue: job.stage }) }) : '';
  const summary = result?.evaluation.summary;
  const lang = useAppState((s) => s.language);
  const titleOf = (id: string) => ruleSet?.rules.find((r) => r.id === id)?.title[lang] ?? id;
  // Codes in the params (a level, categories) become words; a level reads in lower case inside the sentence.
  const skipParams = (p: Readonly<Record<string, string>>) => ({
    ...p,
    ...(p['level'] ? { level: t(`rules.scale.${p['level']}`).toLowerCase() } : {}),
    ...(p['categories'] ? { categories: categoryWords(t, p['categories'].split('+')) } : {}),
  });
  return (
    <div className="rules-check">
      <div className="rules-check-buttons">
        <button type="button" className="primary" onClick={() => void checkRules()} disabled={!!job}>{t('rulesUi.check')}</button>
        {hasRun && <button type="button" onClick={() => void evaluateLatest()} disabled={!!job}>{t('rulesUi.checkLatest')}</button>}
      </div>
      {job && (
        <div className="rules-job" data-testid="rules-job">
          <progress max={1} value={job.fraction} aria-label={t('rulesUi.progress', { stage })} />
          <span>{stage}</span>
          <button type="button" onClick={cancelRulesJob}>{t('rulesUi.cancel')}</button>
        </div>
      )}
      {error && <p className="rules-error" role="alert" data-error-code={error.code}>{formatError(t, i18n, error, t('rulesUi.title'))}</p>}
      {summary && (
        <div className="rules-summary" data-testid="rules-summary">
          <p>{t('rulesUi.summary', { failing: summary.failing, evaluations: summary.evaluations, rules: summary.rulesEvaluated })}</p>
          <ul>
            {(['community', 'street', 'district', 'city'] as const).map((level) => {
              const cf = summary.childFriendly[level];
              return cf ? (
                <li key={level} data-level={level} data-count={cf.count}>
                  {t('rules.summary.childFriendly', { count: cf.count, total: cf.total, level: t(`rules.scale.${level}`) })}
                  {cf.assessed < cf.total && <> {t('rules.summary.notAssessed', { count: cf.total - cf.assessed })}</>}
                </li>
              ) : null;
            })}
          </ul>
          {summary.notApplicable > 0 && <p className="muted" data-testid="rules-not-applicable" data-count={summary.notApplicable}>{t('rules.summary.notApplicable', { count: summary.notApplicable })}</p>}
          {!summary.childCounts && <p className="rules-note" role="note" data-testid="rules-no-child-counts">{t('rules.summary.noChildCounts')}</p>}
          {summary.noFacility.length > 0 && (
            <p className="rules-note" role="note" data-testid="rules-no-facility" data-categories={summary.noFacility.join(' ')}>
              {t('rules.summary.noFacility', { categories: categoryWords(t, summary.noFacility) })}
            </p>
          )}
          {summary.skipped.length > 0 && (
            <details className="rules-skipped" data-testid="rules-skipped" data-count={summary.skipped.length}>
              <summary>{t('rules.summary.skipped', { count: summary.skipped.length })}</summary>
              <ul>
                {summary.skipped.map((k) => (
                  <li key={k.rule_id} data-rule-id={k.rule_id} data-code={k.code}>
                    {titleOf(k.rule_id)}: {t(`rules.skip.${k.code}`, skipParams(k.params))}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {summary.estimated && <p className="muted">{t('rulesUi.estimated')}</p>}
          {stale && <p className="rules-stale">{t('rulesUi.stale')}</p>}
        </div>
      )}
    </div>
  );
}
