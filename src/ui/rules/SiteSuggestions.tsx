import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapRecord } from '../../core/rules';
import { checkedRuleSet } from '../../state';
import { useAppState } from '../store-context';
import { affectedText, measuredText, unitLabel, verdictWord } from './format';
import { formatNumber } from '../format-number';

const SITED = new Set(['share_within', 'worst_distance']);

/** For the selected failing distance rule: suggest k sites, add one as a proposal, show before → after. */
export function SiteSuggestions() {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.language);
  const result = useAppState((s) => s.rules.result);
  const ruleSet = useAppState(checkedRuleSet);
  const sel = useAppState((s) => s.rules.selectedGap);
  const sug = useAppState((s) => s.rules.suggestions);
  const busy = useAppState((s) => s.rules.job !== null);
  const scenarios = useAppState((s) => s.doc.scenarios.length);
  const { suggestSites, addSiteAsProposal } = useAppState((s) => s.rules);
  const [k, setK] = useState(3);
  const gap = sel && result?.evaluation.records.find((r) => r.rule_id === sel.ruleId && r.scale === sel.level && r.unit_index === sel.index);
  if (!gap || !result) return null;
  const title = (id: string) => ruleSet?.rules.find((r) => r.id === id)?.title[lang] ?? id;
  const mine = sug && sug.ruleId === gap.rule_id && sug.level === gap.scale && sug.unitIndex === gap.unit_index ? sug : null;
  const nf = (x: number) => formatNumber(Math.round(x), lang);

  return (
    <section className="site-suggestions" aria-labelledby="sites-title" data-testid="site-suggestions">
      <h3 id="sites-title">{t('rulesUi.sites.title')}</h3>
      <p>{t('rulesUi.sites.for', { rule: title(gap.rule_id), unit: unitLabel(t, gap, lang) })}</p>
      {!SITED.has(gap.metric) ? <p className="muted">{t('rulesUi.sites.onlyAccess')}</p> : (
        <div className="sites-form">
          <label>{t('rulesUi.sites.k')}
            <input type="number" min={1} max={20} value={k} onChange={(e) => setK(Math.max(1, Math.min(20, Number(e.target.value) || 1)))} />
          </label>
          <button type="button" onClick={() => void suggestSites(gap, k)} disabled={busy}>{t('rulesUi.sites.suggest')}</button>
        </div>
      )}
      {mine && (
        <>
          <p data-testid="uncovered-before" data-value={mine.result.uncoveredBefore}>{t('rulesUi.sites.uncovered', { count: nf(mine.result.uncoveredBefore) })}</p>
          {mine.result.sites.length === 0 ? <p>{t('rulesUi.sites.none')}</p> : (
            <ol className="sites-list">
              {mine.result.sites.map((site, i) => (
                <li key={i} data-gain={site.gain}>
                  <span className="site-n">{t('rulesUi.sites.site', { n: i + 1 })}</span>
                  <span className="site-gain">{t('rulesUi.sites.gain', { gain: nf(site.gain) })}</span>
                  <button type="button" disabled={busy} aria-label={t('rulesUi.sites.addLabel', { n: i + 1 })}
                    onClick={() => void addSiteAsProposal(i, t('rulesUi.sites.scenarioName', { n: scenarios }))}>{t('rulesUi.sites.add')}</button>
                </li>
              ))}
            </ol>
          )}
          <BeforeAfter before={mine.before} after={gap} />
        </>
      )}
    </section>
  );
}

function BeforeAfter({ before, after }: { readonly before: GapRecord; readonly after: GapRecord }) {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.language);
  return (
    <table className="before-after" data-testid="before-after">
      <caption>{t('rulesUi.sites.beforeAfter')}</caption>
      <tbody>
        <tr data-row="measured">
          <th scope="row">{t('rulesUi.sites.measured')}</th>
          <td>{measuredText(t, before, lang)} → <strong>{measuredText(t, after, lang)}</strong></td>
        </tr>
        <tr data-row="children" data-before={before.children_affected} data-after={after.children_affected}>
          <th scope="row">{t('rulesUi.sites.children')}</th>
          <td>{affectedText(t, before, lang)} → <strong>{affectedText(t, after, lang)}</strong></td>
        </tr>
        <tr data-row="result">
          <th scope="row">{t('rulesUi.sites.result')}</th>
          <td>{verdictWord(t, before)} → <strong>{verdictWord(t, after)}</strong></td>
        </tr>
      </tbody>
    </table>
  );
}
