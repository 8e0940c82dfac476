import { bbox } from '@turf/turf';
import { memo, useDeferredValue, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { featureId, type BBox } from '../../core/model';
import { useAppState, useAppStore } from '../store-context';
import { categoryLabel, distanceText, percent, speedFor } from './format';
import { levelLabel } from './MapResults';
import { formatNumber } from '../format-number';
import type { AccessAnalysisResult } from '../../protocol/analysis-api';
import { unitShares, type AnalysisDisplay, type UnitShare } from '../../state';
import { WidePanel } from '../WidePanel';

/** Column widths in px. */
const COL = { name: 112, children: 64, share: 76 } as const;

type SortKey = { col: 'name' | 'children' | number; desc: boolean };

/**
 * Per unit of the chosen level: share of children within the chosen threshold, one bar per category.
 * A new result renders as a deferred (time-sliced) update, so a city's table is never one long task;
 * aria-busy marks the moments when the table still shows the previous result.
 */
export function CoverageTable() {
  const result = useAppState((s) => s.analysis.result);
  const display = useAppState((s) => s.analysis.display);
  const speeds = useAppState((s) => s.doc.settings.walkSpeedsMps);
  const r = useDeferredValue(result);
  const d = useDeferredValue(display);
  const sp = useDeferredValue(speeds);
  return <TableBody r={r} d={d} speeds={sp} busy={r !== result || d !== display} />;
}

const TableBody = memo(function TableBody({ r, d, speeds, busy }: {
  r: AccessAnalysisResult | null; d: AnalysisDisplay; speeds: Parameters<typeof speedFor>[0]; busy: boolean;
}) {
  const { t } = useTranslation();
  const store = useAppStore();
  const lang = useAppState((s) => s.language);
  const [sort, setSort] = useState<SortKey>({ col: 'name', desc: false });
  if (!r || r.thresholdsM.length === 0) return null;
  const cats = r.categories.map((c) => c.category);
  const cols = cats.map((c) => unitShares(r, d.level, c, d.thresholdIdx, d.ageBand));
  const base = cols[0];
  if (!base) return null;
  const nameOf = (s: UnitShare) => (lang === 'zh' && s.nameZh) || s.name;
  const value = (u: number): string | number => {
    if (sort.col === 'name') return nameOf(base[u]);
    if (sort.col === 'children') return base[u].childrenTotal;
    const s = cols[sort.col]?.[u].share ?? NaN;
    return Number.isNaN(s) ? -1 : s;
  };
  const order = base.map((_, u) => u).sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const c = typeof va === 'string' ? va.localeCompare(String(vb)) : va - (vb as number);
    return sort.desc ? -c : c;
  });
  const threshold = distanceText(t, r.thresholdsM[d.thresholdIdx], d.thresholdUnit, speedFor(speeds, d));

  function zoomTo(unit: UnitShare) {
    const s = store.getState();
    const layerId = s.analysis.inputs?.unitLayerIds[d.level];
    const f = layerId ? s.layerData[layerId]?.data.features.find((x, i) => featureId(x.properties, i, x.id) === unit.id) : undefined;
    if (f) s.requestBounds(bbox(f) as unknown as BBox);
  }
  const header = (col: SortKey['col'], text: string) => {
    const active = sort.col === col;
    return (
      <th key={String(col)} scope="col" aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
        <button type="button" className="link" aria-label={t('analysis.sortBy', { column: text })}
          onClick={() => setSort({ col, desc: active ? !sort.desc : col !== 'name' })}>
          {text}{active ? (sort.desc ? ' ▼' : ' ▲') : ''}
        </button>
      </th>
    );
  };

  return (
    <section className="analysis-table" aria-labelledby="analysis-table-title" aria-busy={busy}>
      <h3 id="analysis-table-title">{t('analysis.table', { threshold })} · {levelLabel(t, d.level)}</h3>
      <WidePanel title={t('layout.coverageTitle', { threshold, level: levelLabel(t, d.level) })} testId="coverage-table-wide" bodyClass="analysis-panel analysis-table">
        <div className="table-scroll">
          {/* Fixed layout with set column widths: the browser lays out rows without measuring every cell first. */}
          <table data-testid="coverage-table" style={{ width: COL.name + COL.children + COL.share * cats.length }}>
            <colgroup>
              <col style={{ width: COL.name }} />
              <col style={{ width: COL.children }} />
              {cats.map((c) => <col key={c} style={{ width: COL.share }} />)}
            </colgroup>
            <thead>
              <tr>
                {header('name', t('analysis.unitName'))}
                {header('children', t('analysis.children'))}
                {cats.map((c, k) => header(k, categoryLabel(t, c)))}
              </tr>
            </thead>
            <tbody>
              {order.map((u) => (
                <tr key={base[u].id} data-unit-id={base[u].id} onClick={() => zoomTo(base[u])}>
                  <th scope="row">
                    <button type="button" className="link" aria-label={t('analysis.zoomTo', { name: nameOf(base[u]) })}
                      onClick={(e) => { e.stopPropagation(); zoomTo(base[u]); }}>{nameOf(base[u])}</button>
                  </th>
                  <td className="num">{formatNumber(Math.round(base[u].childrenTotal))}</td>
                  {cols.map((col, k) => {
                    const s = col?.[u];
                    if (!s) return <td key={cats[k]} />;
                    const w = Number.isNaN(s.share) ? 0 : s.share * 100;
                    return (
                      // The bar is the cell's background (no extra elements: a city's table has thousands of cells).
                      <td key={cats[k]} className="share" data-category={cats[k]} data-share={Number.isNaN(s.share) ? '' : s.share}
                        title={s.estimated ? t('analysis.estimated') : undefined} style={{ '--share': `${w}%` } as CSSProperties}>
                        <span className="share-text">{s.estimated ? '≈' : ''}{Number.isNaN(s.share) ? t('analysis.noChildren') : percent(s.share)}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </WidePanel>
      {base.some((s) => s.estimated) && <p className="note">{t('analysis.estimatedNote')}</p>}
    </section>
  );
});
