/**
 * The legend entries of each access-analysis map result, from the same palettes the deck.gl builders draw
 * with; shown in the Access panel and in the map's legend overlay.
 */
import type { TFunction } from 'i18next';
import type { Rgb } from '../../map/colors';
import {
  BEYOND_COLOR, LONG_SNAP_COLOR, LONG_SNAP_M, NOT_CONNECTED_COLOR, SHARE_STOPS, SNAP_LEG_COLOR, UNREACHABLE_COLOR, bandColor, shareColor,
} from '../../map/layers/analysis-colors';
import type { AccessAnalysisResult } from '../../protocol/analysis-api';
import type { AnalysisDisplay, MapResult } from '../../state';
import { distanceText, percent, speedFor } from './format';

export interface Swatch { readonly color: Rgb; readonly text: string; readonly line?: boolean }

export const MAP_RESULTS: readonly MapResult[] = ['distance', 'isochrones', 'coverage', 'snapLegs'];

export function resultLegends(t: TFunction, r: AccessAnalysisResult, d: AnalysisDisplay, speeds: Parameters<typeof speedFor>[0]): Record<MapResult, Swatch[]> {
  const speed = speedFor(speeds, d);
  const thr = [...r.thresholdsM];
  const dist = (m: number) => distanceText(t, m, d.thresholdUnit, speed);
  return {
    distance: [
      ...thr.map((m, k) => ({ color: bandColor(k, thr.length), text: t('analysis.legend.within', { threshold: dist(m) }) })),
      { color: BEYOND_COLOR, text: t('analysis.legend.beyond', { threshold: dist(thr[thr.length - 1]) }) },
      { color: UNREACHABLE_COLOR, text: t('analysis.legend.unreachable') },
      { color: NOT_CONNECTED_COLOR, text: t('analysis.legend.notConnected') },
    ],
    isochrones: thr.map((m, k) => ({ color: bandColor(k, thr.length), text: t('analysis.legend.within', { threshold: dist(m) }), line: true })),
    coverage: SHARE_STOPS.map((s) => ({ color: shareColor(s), text: t('analysis.legend.share', { share: percent(s).replace('.0', '') }) })),
    snapLegs: [
      { color: SNAP_LEG_COLOR, text: t('analysis.legend.snapLeg'), line: true },
      { color: LONG_SNAP_COLOR, text: t('analysis.legend.longSnap', { m: LONG_SNAP_M }), line: true },
      { color: NOT_CONNECTED_COLOR, text: t('analysis.legend.notConnected') },
    ],
  };
}
