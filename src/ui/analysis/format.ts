/** Words and numbers of the access panel, shared by its parts (one rounding rule everywhere). */
import type { TFunction } from 'i18next';
import { DEFAULT_WALK_SPEED_MPS, type AgeBand } from '../../core/model';
import { displaySpeedMps, type AnalysisDisplay } from '../../state';
import { formatNumber } from '../format-number';

export const categoryLabel = (t: TFunction, id: string): string => t(`category.${id}`, { defaultValue: id });

export const percent = (share: number): string => (Number.isNaN(share) ? '–' : `${(share * 100).toFixed(1)}%`);

export const bandLabel = (t: TFunction, band: AgeBand | 'all'): string => (band === 'all' ? t('analysis.allAges') : band);

/** Speed used for minutes: the shown band's (the slowest band's when all ages are shown). */
export const speedFor = (speeds: Partial<Record<AgeBand, number>> | undefined, d: Pick<AnalysisDisplay, 'ageBand'>): number =>
  displaySpeedMps(speeds, d.ageBand, DEFAULT_WALK_SPEED_MPS);

/** A distance in the unit the user chose: metres, or minutes at `speed`. */
export function distanceText(t: TFunction, m: number, unit: 'm' | 'min', speed: number): string {
  if (unit === 'min') return t('analysis.minutes', { value: (m / speed / 60).toFixed(1) });
  return t('analysis.meters', { value: formatNumber(Math.round(m)) });
}

export const metersText = (t: TFunction, m: number): string => t('analysis.meters', { value: m.toFixed(1) });
