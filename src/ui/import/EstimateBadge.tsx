import type { Feature } from 'geojson';
import { useTranslation } from 'react-i18next';

/** How many features carry estimated child counts (children_estimated: true), not counted ones. */
export const estimatedCount = (features: readonly Feature[]): number =>
  features.reduce((n, f) => n + (f.properties?.['children_estimated'] === true ? 1 : 0), 0);

/** Shown beside a layer whose child counts are estimates, with how many features that concerns. */
export function EstimateBadge({ count, total }: { readonly count: number; readonly total: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return <span className="badge estimate" title={t('import.estimate.badgeTitle')}>{t('import.estimate.badge', { count, total })}</span>;
}

/** Inspector line for one feature whose child counts are estimates. */
export function EstimateNote({ feature }: { readonly feature: Feature }) {
  const { t } = useTranslation();
  if (feature.properties?.['children_estimated'] !== true) return null;
  return <p className="estimate-note" role="note">{t('import.estimate.note')}</p>;
}
