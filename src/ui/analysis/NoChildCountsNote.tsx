import { useTranslation } from 'react-i18next';
import type { AccessAnalysisResult } from '../../protocol/analysis-api';
import { useAppState } from '../store-context';

/**
 * Whether the run's homes have no child counts: no child of any band inside or outside the units of its
 * first level. Undefined when the run has no unit level to tell (then the rules check tells).
 */
export function runLacksChildCounts(r: AccessAnalysisResult | null): boolean | undefined {
  const c = r && r.homeCount > 0 ? r.coverage[0] : undefined;
  if (!c) return undefined;
  return !c.childrenTotal.some((x) => x > 0) && !c.outsideChildren.some((x) => x > 0);
}

/** One sentence when the homes carry no child counts: what it means for shares and rules, and how to fix it. */
export function NoChildCountsNote() {
  const { t } = useTranslation();
  const missing = useAppState((s) => runLacksChildCounts(s.analysis.result)
    ?? (s.rules.result ? !s.rules.result.evaluation.summary.childCounts : false));
  if (!missing) return null;
  return <p className="no-child-counts" role="note" data-testid="no-child-counts">{t('analysis.noChildCounts')}</p>;
}
