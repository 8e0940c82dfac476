import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { readFacility } from '../../core/model';
import type { AccessAnalysisResult } from '../../protocol/analysis-api';
import { shownRun, type AppState } from '../../state';
import { useAppState } from '../store-context';
import { categoryLabel, metersText } from './format';

const homeIndexCache = new WeakMap<AccessAnalysisResult, Map<number, number>>();
/** Result row of a homes-layer feature (homeFeatureIdx inverted once per result). */
function homeIdxOf(r: AccessAnalysisResult, featureIndex: number): number {
  let m = homeIndexCache.get(r);
  if (!m) {
    m = new Map();
    for (let i = 0; i < r.homeFeatureIdx.length; i++) m.set(r.homeFeatureIdx[i], i);
    homeIndexCache.set(r, m);
  }
  return m.get(featureIndex) ?? -1;
}

function facilityName(s: AppState, facilityIdx: number): string | null {
  const r = s.analysis.result;
  const ref = r && s.analysis.inputs?.facilities.get(r.facilityIds[facilityIdx]);
  const f = ref && s.layerData[ref.layerId]?.data.features[ref.featureIndex];
  if (!f) return null;
  const a = readFacility(f.properties);
  return (s.language === 'zh' ? a.nameZh ?? a.name : a.name ?? a.nameZh) ?? null;
}

/**
 * In the inspector of a home: per analysed category, walking distance = home snap leg + network +
 * facility snap leg, the nearest facility, and its path drawn on the map (the shown category at once).
 */
export function HomeExplain({ layerId, featureIndex }: { layerId: string; featureIndex: number }) {
  const { t } = useTranslation();
  const r = useAppState((s) => s.analysis.result);
  const homesLayerId = useAppState((s) => s.analysis.inputs?.homesLayerId);
  const shown = useAppState((s) => s.analysis.display.category);
  const explain = useAppState((s) => s.analysis.explain);
  const names = useAppState((s) => r?.categories.map((c) => c.nearestFacility[homeIdxOf(r, featureIndex)] ?? -1).map((k) => (k >= 0 ? facilityName(s, k) : null)).join('\u0000'));
  const explainHome = useAppState((s) => s.explainHome);
  const clear = useAppState((s) => s.clearExplain);
  const maxSnap = useAppState((s) => shownRun(s)?.request.maxSnapM ?? s.doc.settings.maxSnapM);
  const homeIdx = r && layerId === homesLayerId ? homeIdxOf(r, featureIndex) : -1;

  useEffect(() => {
    if (homeIdx >= 0 && shown) void explainHome(homeIdx, shown);
    return () => clear();
  }, [homeIdx, shown, explainHome, clear]);

  if (!r || layerId !== homesLayerId) return null;
  if (homeIdx < 0) return <p className="analysis-explain">{t('analysis.explain.notAnalysed')}</p>;
  const nameList = (names ?? '').split('\u0000');
  const homeSnap = r.homeSnapM[homeIdx];
  return (
    <section className="analysis-explain" aria-labelledby="explain-title" data-home-idx={homeIdx}>
      <h3 id="explain-title">{t('analysis.explain.title')}</h3>
      {homeSnap === Infinity && <p>{t('analysis.explain.notConnected', { m: maxSnap })}</p>}
      {r.categories.map((c, k) => {
        const walking = c.walkingM[homeIdx];
        const fac = c.nearestFacility[homeIdx];
        const label = categoryLabel(t, c.category);
        if (walking === Infinity || fac < 0) {
          return <div key={c.category} className="explain-cat" data-category={c.category}><h4>{label}</h4><p>{t('analysis.explain.unreachable')}</p></div>;
        }
        const facSnap = r.facilitySnapM[fac];
        const drawn = explain?.homeIdx === homeIdx && explain.category === c.category;
        return (
          <div key={c.category} className="explain-cat" data-category={c.category}>
            <h4>{label}</h4>
            <dl>
              <dt>{t('analysis.explain.walking')}</dt><dd data-part="walking">{metersText(t, walking)}</dd>
              <dt>{t('analysis.explain.homeSnap')}</dt><dd data-part="homeSnap">{metersText(t, homeSnap)}</dd>
              <dt>{t('analysis.explain.network')}</dt><dd data-part="network">{metersText(t, c.networkM[homeIdx])}</dd>
              <dt>{t('analysis.explain.facilitySnap')}</dt><dd data-part="facilitySnap">{metersText(t, facSnap)}</dd>
              <dt>{t('analysis.explain.nearest')}</dt>
              <dd data-part="facility">{nameList[k] || t('analysis.explain.unnamed', { id: r.facilityIds[fac] })}</dd>
            </dl>
            <button type="button" aria-pressed={drawn} onClick={() => void explainHome(homeIdx, c.category)}>
              {t('analysis.explain.showPath', { category: label })}
            </button>
            {drawn && explain.path === undefined && <span className="note"> {t('analysis.explain.loading')}</span>}
          </div>
        );
      })}
    </section>
  );
}
