/**
 * The selected home's safe route beside its shortest route: length, cost, detour, worst stress and each
 * crossing with its reason. A home clicked on the map (the inspector's selection) is the one shown.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessAnalysisResult, ShownRoute } from '../../protocol/analysis-api';
import { useAppState } from '../store-context';

const homeIndexCache = new WeakMap<AccessAnalysisResult, Map<number, number>>();
function homeIdxOf(r: AccessAnalysisResult, featureIndex: number): number {
  let m = homeIndexCache.get(r);
  if (!m) {
    m = new Map();
    for (let i = 0; i < r.homeFeatureIdx.length; i++) m.set(r.homeFeatureIdx[i]!, i);
    homeIndexCache.set(r, m);
  }
  return m.get(featureIndex) ?? -1;
}

function RouteColumn({ title, route, testId }: { title: string; route: ShownRoute; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="safety-route" data-testid={testId} data-length={route.lengthM} data-cost={route.costM}>
      <h4>{title}</h4>
      <dl>
        <dt>{t('safety.route.length')}</dt><dd>{t('analysis.meters', { value: route.lengthM.toFixed(1) })}</dd>
        <dt>{t('safety.route.cost')}</dt><dd>{t('analysis.meters', { value: route.costM.toFixed(1) })}</dd>
        <dt>{t('safety.route.worst')}</dt><dd>PLTS {Math.max(route.maxSegmentPlts, route.maxCrossingPlts)}</dd>
      </dl>
      <h5>{t('safety.route.crossings')}</h5>
      {route.crossings.length === 0 ? <p>{t('safety.route.noCrossing')}</p> : (
        <ul>
          {route.crossings.map((c, i) => (
            <li key={i} data-plts={c.plts}>{t('safety.route.crossing', {
              plts: c.plts, control: t(`safety.control.${c.control}`),
              roads: c.roads.map((r) => t('safety.route.road', { name: r.name || t('safety.hotspots.unnamed'), highway: r.highway, base: r.base })).join('; '),
            })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function RouteDetail() {
  const { t } = useTranslation();
  const selection = useAppState((s) => s.selection);
  const homesLayerId = useAppState((s) => s.analysis.inputs?.homesLayerId);
  const access = useAppState((s) => s.analysis.result);
  const detail = useAppState((s) => s.safety.detail);
  const show = useAppState((s) => s.showSafeRoute);
  const clear = useAppState((s) => s.clearSafeRoute);
  const home = access && selection && selection.layerId === homesLayerId ? homeIdxOf(access, selection.featureIndex) : -1;

  useEffect(() => {
    if (home >= 0) void show(home);
    else clear();
  }, [home, show, clear]);

  const d = detail?.routes;
  return (
    <div className="safety-route-detail" data-testid="safety-route">
      <h3>{t('safety.route.title')}</h3>
      {!detail && <p>{t('safety.route.hint')}</p>}
      {detail && d === undefined && <p>{t('safety.route.loading')}</p>}
      {detail && d === null && <p>{t('safety.route.none')}</p>}
      {d && (
        <>
          <p data-testid="safety-detour" data-detour={d.detourRatio}>{t('safety.route.detour')}: ×{d.detourRatio.toFixed(2)}</p>
          <div className="safety-route-columns">
            <RouteColumn title={t('safety.route.safe')} route={d.safe} testId="safety-route-safe" />
            <RouteColumn title={t('safety.route.shortest')} route={d.shortest} testId="safety-route-shortest" />
          </div>
        </>
      )}
    </div>
  );
}
