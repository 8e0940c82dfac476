import { useTranslation } from 'react-i18next';
import { AnalysisLayers } from './AnalysisLayers';
import { AnalysisSettings } from './AnalysisSettings';
import { AnalysisSummary } from './AnalysisSummary';
import { CoverageTable } from './CoverageTable';
import { MapResults } from './MapResults';
import { NoChildCountsNote } from './NoChildCountsNote';
import { RunControls } from './RunControls';
import { ProposalEffectView } from '../sketch/ProposalEffectView';

/** The 'Access' sidebar tab: settings, run with progress and cancel, summary, map choices, table. */
export function AnalysisPanel() {
  const { t } = useTranslation();
  return (
    <section className="panel analysis-panel" aria-labelledby="analysis-title">
      <h2 id="analysis-title">{t('analysis.title')}</h2>
      <p className="note">{t('analysis.intro')}</p>
      <AnalysisLayers />
      <AnalysisSettings />
      <RunControls />
      <NoChildCountsNote />
      <ProposalEffectView />
      <AnalysisSummary />
      <MapResults />
      <CoverageTable />
    </section>
  );
}
