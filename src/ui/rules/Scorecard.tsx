import { bbox } from '@turf/turf';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { verdictOf, type Verdict } from '../../core/rules';
import { checkedRuleSet, unitFeatureOf, type UnitRef } from '../../state';
import { useAppState, useAppStore } from '../store-context';
import { measuredText, reasonText, recordTarget, scaledTargetNote, unitLabel, verdictClass, verdictWord } from './format';
import { unitTree } from './unit-tree';

const VERDICT_KEY: Record<Verdict, string> = {
  'child-friendly': 'rules.scorecard.childFriendly',
  'not-yet': 'rules.scorecard.notChildFriendly',
  'not-assessed': 'rules.scorecard.notAssessed',
};

/** One unit's scorecard: every rule of its scale, roll-ups, breadcrumbs up, and its sub-units to drill into. */
export function Scorecard() {
  const { t } = useTranslation();
  const store = useAppStore();
  const lang = useAppState((s) => s.language);
  const result = useAppState((s) => s.rules.result);
  const ruleSet = useAppState(checkedRuleSet);
  const selectedUnit = useAppState((s) => s.rules.selectedUnit);
  const selectedGap = useAppState((s) => s.rules.selectedGap);
  const { selectUnit, selectGap } = useAppState((s) => s.rules);
  const tree = useMemo(() => result && unitTree(result.evaluation.scorecards, result.units), [result]);
  if (!result || !tree) return <p className="muted">{t('rulesUi.noResult')}</p>;
  const unit = (selectedUnit && tree.card(selectedUnit) ? selectedUnit : tree.root);
  const card = unit && tree.card(unit);
  if (!unit || !card) return <p className="muted">{t('rulesUi.card.pick')}</p>;
  const titles = new Map((ruleSet?.rules ?? []).map((r) => [r.id, r.title[lang]]));
  const sources = new Map((ruleSet?.rules ?? []).map((r) => [r.id, r.source.confirmed]));
  const name = (u: UnitRef) => { const c = tree.card(u); return c ? unitLabel(t, c, lang) : ''; };

  function open(u: UnitRef) {
    selectUnit(u);
    const c = tree!.card(u);
    const f = c && unitFeatureOf(store.getState(), u.level, c.unit_id);
    if (f) store.getState().requestBounds(bbox(f) as [number, number, number, number]);
  }
  const missing = result.evaluation.summary.noFacility;

  return (
    <div className="scorecard" data-testid="scorecard" data-level={unit.level} data-unit-id={card.unit_id}>
      <nav aria-label={t('rulesUi.card.breadcrumbs')}>
        <ol className="breadcrumbs">
          {tree.path(unit).map((u, i, all) => (
            <li key={`${u.level}:${u.index}`}>
              {i === all.length - 1 ? <span aria-current="page">{name(u)}</span>
                : <button type="button" onClick={() => open(u)}>{name(u)}</button>}
            </li>
          ))}
        </ol>
      </nav>
      <h3>{t('rules.scorecard.title', { unit: name(unit) })} <small>({t(`rules.scale.${unit.level}`)})</small></h3>
      <p className={`cf-status cf-${verdictOf(card)}`} data-child-friendly={card.childFriendly} data-verdict={verdictOf(card)}>
        {t(VERDICT_KEY[verdictOf(card)])}
      </p>
      <p className="rollup">
        <span data-testid="failing-here">{t('rules.scorecard.failingHere', { count: card.failingHere })}</span>
        {' · '}
        <span data-testid="failing-below">{t('rules.scorecard.failingBelow', { count: card.failingBelow })}</span>
      </p>
      <table className="scorecard-rows">
        <caption>{t('rulesUi.card.rows', { scale: t(`rules.scale.${unit.level}`) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rulesUi.gaps.rule')}</th>
            <th scope="col">{t('rulesUi.gaps.measuredTarget')}</th>
            <th scope="col">{t('rulesUi.card.result')}</th>
          </tr>
        </thead>
        <tbody>
          {card.rows.map((r) => {
            const sel = selectedGap?.ruleId === r.rule_id && selectedGap.level === r.scale && selectedGap.index === r.unit_index;
            return (
              <tr key={r.rule_id} data-rule-id={r.rule_id} data-status={r.status} data-reason={r.reason}
                className={sel ? `selected ${verdictClass(r)}` : verdictClass(r)} tabIndex={0} aria-selected={sel}
                onClick={() => selectGap(r)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); selectGap(r); } }}>
                {/* The source goes under the title: a fourth column is too narrow to read in the sidebar. */}
                <td>
                  {titles.get(r.rule_id) ?? r.rule_id}
                  <div className="source" aria-label={t('rules.column.source')}>{r.source} <span className="muted">{t(`rules.status.${sources.get(r.rule_id) ?? 'R'}`)}</span></div>
                </td>
                <td className="num">
                  {measuredText(t, r, lang)} / {recordTarget(t, r, lang)}
                  {r.population_base !== undefined && <div className="scaled-target muted">{scaledTargetNote(t, r, lang)}</div>}
                </td>
                <td className="verdict">{verdictWord(t, r)}{r.reason && <div className="reason">{reasonText(t, r, missing)}</div>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <UnitChildren tree={tree} unit={unit} open={open} name={name} />
    </div>
  );
}

function UnitChildren({ tree, unit, open, name }: {
  readonly tree: ReturnType<typeof unitTree>; readonly unit: UnitRef; readonly open: (u: UnitRef) => void; readonly name: (u: UnitRef) => string;
}) {
  const { t } = useTranslation();
  const kids = tree.children(unit);
  if (kids.length === 0) return null;
  const scale = t(`rules.scale.${kids[0]!.level}`);
  return (
    <section className="unit-children" aria-label={t('rulesUi.card.children', { scale, unit: name(unit) })}>
      <h4>{t('rulesUi.card.children', { scale, unit: name(unit) })}</h4>
      <ul>
        {kids.map((k) => {
          const c = tree.card(k)!;
          return (
            <li key={k.index} data-unit-id={c.unit_id} data-child-friendly={c.childFriendly} data-verdict={verdictOf(c)}>
              <button type="button" onClick={() => open(k)} aria-label={t('rulesUi.card.open', { unit: name(k) })}>{name(k)}</button>
              <span className={`cf-badge cf-${verdictOf(c)}`}>{t(VERDICT_KEY[verdictOf(c)])}</span>
              <span className="muted">{c.failingHere + c.failingBelow}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
