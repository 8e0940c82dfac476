import { bbox } from '@turf/turf';
import { memo, startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_LEVELS } from '../../core/model';
import { SEVERITIES, type GapRecord } from '../../core/rules';
import { checkedRuleSet, unitFeatureOf, type GapSortKey } from '../../state';
import { useAppState, useAppStore } from '../store-context';
import { affectedText, measuredText, reasonText, recordTarget, scaledTargetNote, unitLabel, verdictClass, verdictWord } from './format';
import { gapCategories, gapRows } from './gap-rows';
import { WidePanel } from '../WidePanel';
import type { Language } from '../../state';

/** Rows rendered at first; more as the list is scrolled. A city has thousands of records, and every row
 * re-rendered and laid out on a language switch or a selection was seconds of main-thread work. */
const PAGE = 40;

const COLUMNS: readonly { key: GapSortKey; label: string }[] = [
  { key: 'unit', label: 'rulesUi.gaps.unit' },
  { key: 'scale', label: 'rules.column.scale' },
  { key: 'rule', label: 'rulesUi.gaps.rule' },
  { key: 'measured', label: 'rulesUi.gaps.measuredTarget' },
  { key: 'severity', label: 'rules.column.severity' },
  { key: 'children', label: 'rulesUi.gaps.children' },
];

/** Gaps (or every record) of the latest check: filter, sort, and pick a row to zoom to its unit. */
export function GapTable() {
  const { t } = useTranslation();
  const result = useAppState((s) => s.rules.result);
  if (!result) return <p className="muted">{t('rulesUi.noResult')}</p>;
  return <WidePanel title={t('rulesUi.gaps.caption')} testId="gap-table-wide"><GapTableBody /></WidePanel>;
}

function GapTableBody() {
  const { t } = useTranslation();
  const store = useAppStore();
  const lang = useAppState((s) => s.language);
  const result = useAppState((s) => s.rules.result);
  const ruleSet = useAppState(checkedRuleSet);
  const view = useAppState((s) => s.rules.view);
  const selected = useAppState((s) => s.rules.selectedGap);
  const { setGapView, selectGap } = useAppState((s) => s.rules);
  const records = result?.evaluation.records;
  const rows = useMemo(() => (result && ruleSet ? gapRows(result.evaluation.records, ruleSet, view, lang) : []), [result, ruleSet, view, lang]);
  const categories = useMemo(() => gapCategories(records ?? []), [records]);
  const titles = useMemo(() => new Map(ruleSet?.rules.map((r) => [r.id, r.title[lang]])), [ruleSet, lang]);
  const missing = result?.evaluation.summary.noFacility;
  const [shown, setShown] = useState(PAGE);
  useEffect(() => setShown(PAGE), [result, view]);
  const more = useCallback(() => startTransition(() => setShown((n) => n + PAGE)), []);
  const sentinel = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el) return;
    const io = new IntersectionObserver((es) => { if (es.some((e) => e.isIntersecting)) more(); });
    io.observe(el);
    return () => io.disconnect();
  }, [more, shown, rows]);
  const pick = useCallback((r: GapRecord) => {
    selectGap(r);
    const f = unitFeatureOf(store.getState(), r.scale, r.unit_id);
    if (f) store.getState().requestBounds(bbox(f) as [number, number, number, number]);
  }, [selectGap, store]);
  if (!result) return null;
  const sortBy = (key: GapSortKey) => setGapView(view.sortKey === key ? { sortDesc: !view.sortDesc } : { sortKey: key, sortDesc: key !== 'unit' && key !== 'rule' });
  const visible = rows.length > shown ? rows.slice(0, shown) : rows;

  return (
    <div className="gap-table-wrap">
      <fieldset className="gap-filters">
        <legend>{t('rulesUi.gaps.filters')}</legend>
        <label>{t('rulesUi.gaps.scale')}
          <select aria-label={t('rulesUi.gaps.scale')} value={view.scale} onChange={(e) => setGapView({ scale: e.target.value as typeof view.scale })}>
            <option value="all">{t('rulesUi.gaps.all')}</option>
            {UNIT_LEVELS.map((l) => <option key={l} value={l}>{t(`rules.scale.${l}`)}</option>)}
          </select>
        </label>
        <label>{t('rulesUi.gaps.severity')}
          <select aria-label={t('rulesUi.gaps.severity')} value={view.severity} onChange={(e) => setGapView({ severity: e.target.value as typeof view.severity })}>
            <option value="all">{t('rulesUi.gaps.all')}</option>
            {SEVERITIES.map((v) => <option key={v} value={v}>{t(`rules.severity.${v}`)}</option>)}
          </select>
        </label>
        <label>{t('rulesUi.gaps.category')}
          <select aria-label={t('rulesUi.gaps.category')} value={view.category} onChange={(e) => setGapView({ category: e.target.value })}>
            <option value="all">{t('rulesUi.gaps.all')}</option>
            {categories.map((c) => <option key={c} value={c}>{t(`category.${c}`, { defaultValue: c })}</option>)}
          </select>
        </label>
        <label className="inline"><input type="checkbox" checked={view.failingOnly} onChange={(e) => setGapView({ failingOnly: e.target.checked })} />
          {t('rulesUi.gaps.failingOnly')}</label>
      </fieldset>
      <p className="gap-count" data-testid="gap-count" data-count={rows.length}>{t('rulesUi.gaps.rows', { count: rows.length })}</p>
      <div className="gap-table-scroll">
        <table className="gap-table">
          <caption className="sr-only">{t('rulesUi.gaps.caption')}</caption>
          <colgroup><col className="c-unit" /><col className="c-scale" /><col className="c-rule" /><col className="c-measured" /><col className="c-severity" /><col className="c-children" /></colgroup>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" aria-sort={view.sortKey === c.key ? (view.sortDesc ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" onClick={() => sortBy(c.key)} aria-label={t('rulesUi.gaps.sort', { column: t(c.label) })}>
                    {t(c.label)}{view.sortKey === c.key ? (view.sortDesc ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => (
              <GapRow key={`${r.rule_id}@${r.scale}:${r.unit_index}`} r={r} lang={lang} title={titles.get(r.rule_id) ?? r.rule_id} onPick={pick} missing={missing}
                selected={selected?.ruleId === r.rule_id && selected.level === r.scale && selected.index === r.unit_index} />
            ))}
            {rows.length > shown && <tr ref={sentinel} className="gap-more"><td colSpan={COLUMNS.length}>
              <button type="button" onClick={more}>{t('layout.moreRows', { shown, total: rows.length })}</button></td></tr>}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p className="muted">{t('rulesUi.gaps.none')}</p>}
    </div>
  );
}

/** One record; memoised, so choosing a row re-renders two rows, not the table. */
const GapRow = memo(function GapRow({ r, lang, title, selected, onPick, missing }: {
  readonly r: GapRecord; readonly lang: Language; readonly title: string; readonly selected: boolean; readonly onPick: (r: GapRecord) => void;
  readonly missing: readonly string[] | undefined;
}) {
  const { t } = useTranslation();
  return (
    <tr tabIndex={0} aria-selected={selected} className={selected ? `selected ${verdictClass(r)}` : verdictClass(r)}
      data-unit-id={r.unit_id} data-rule-id={r.rule_id} data-scale={r.scale} data-severity={r.severity} data-status={r.status} data-reason={r.reason}
      onClick={() => onPick(r)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(r); } }}>
      <td>{unitLabel(t, r, lang)}</td>
      <td>{t(`rules.scale.${r.scale}`)}</td>
      <td className="rule-title-cell">{title}
        <div className={`verdict verdict-${verdictClass(r)}`}>{verdictWord(t, r)}{r.reason ? ` · ${reasonText(t, r, missing)}` : ''}</div></td>
      <td className="num"><span className="measured">{measuredText(t, r, lang)}</span> / {recordTarget(t, r, lang)}
        {r.population_base !== undefined && <div className="scaled-target muted">{scaledTargetNote(t, r, lang)}</div>}</td>
      <td><span className={`severity severity-${r.severity}`}>{t(`rules.severity.${r.severity}`)}</span></td>
      <td className="num children">{affectedText(t, r, lang)}</td>
    </tr>
  );
});
