import { memo, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessAnalysisResult } from '../../protocol/analysis-api';
import { useAppState } from '../store-context';
import { categoryLabel } from './format';
import { formatNumber } from '../format-number';

const n = (v: number) => formatNumber(v);

/** What the latest run covered: homes, what could not connect, per-category reach, network size. */
export function AnalysisSummary() {
  // Deferred like the coverage table: rendered in slices after the map has its new layers.
  const r = useDeferredValue(useAppState((s) => s.analysis.result));
  return <Summary r={r} />;
}

const Summary = memo(function Summary({ r }: { r: AccessAnalysisResult | null }) {
  const { t } = useTranslation();
  if (!r) return null;
  return (
    <section className="analysis-summary" aria-labelledby="analysis-summary-title">
      <h3 id="analysis-summary-title">{t('analysis.summary')}</h3>
      <dl>
        <dt>{t('analysis.homes')}</dt><dd data-testid="analysis-homes">{n(r.homeCount)}</dd>
        <dt>{t('analysis.notConnectedHomes')}</dt><dd data-testid="analysis-nc-homes">{n(r.notConnectedHomes)}</dd>
        <dt>{t('analysis.notConnectedFacilities')}</dt><dd>{n(r.notConnectedFacilities)} / {n(r.facilityCount)}</dd>
        <dt>{t('analysis.network')}</dt><dd>{t('analysis.networkSize', { nodes: n(r.network.nodes), segments: n(r.network.segments) })}</dd>
      </dl>
      <table className="analysis-categories">
        <thead>
          <tr>
            <th scope="col">{t('analysis.category')}</th>
            <th scope="col">{t('analysis.facilitiesCount')}</th>
            <th scope="col">{t('analysis.unreachable')}</th>
          </tr>
        </thead>
        <tbody>
          {r.categories.map((c) => (
            <tr key={c.category}>
              <th scope="row">{categoryLabel(t, c.category)}</th>
              <td>{n(c.facilityCount)}</td>
              <td>{n(c.unreachableHomes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
});
